using Simulation.Core.Random;

namespace Simulation.Core.Distributions;

/// <summary>Uniform on [min, max] (<c>dist: uniform</c>).</summary>
public sealed class UniformDistribution : InputDistribution
{
    private readonly double _min, _max;

    internal UniformDistribution(double min, double max)
    {
        RequireFinite(min, nameof(min));
        RequireFinite(max, nameof(max));
        if (!(min <= max))
        {
            throw new ArgumentException("min must not exceed max");
        }
        (_min, _max) = (min, max);
    }

    /// <summary>The family's name and keys.</summary>
    public static DistributionFamily Family { get; } = new("uniform", ["min", "max"], [], (n, _) => new UniformDistribution(n["min"], n["max"]));

    /// <inheritdoc />
    public override DistributionKind Kind => DistributionKind.Uniform;

    /// <inheritdoc />
    public override double SupportMin => _min;

    /// <inheritdoc />
    public override double SupportMax => _max;

    /// <inheritdoc />
    public override double Mean => (_min + _max) / 2;

    /// <inheritdoc />
    public override double Cdf(double x) => _max > _min ? Math.Clamp((x - _min) / (_max - _min), 0, 1) : (x >= _min ? 1 : 0);

    /// <inheritdoc />
    protected override double DensityWithin(double x) => _max > _min ? 1 / (_max - _min) : (x == _min ? 1 : 0);

    /// <inheritdoc />
    public override double Quantile(double u) => _min + (_max - _min) * u;

    /// <inheritdoc />
    public override double Sample(ref Xoshiro256StarStar rng) => _min + (_max - _min) * rng.NextDouble();

    /// <inheritdoc />
    public override string ToString() => $"uniform(min {Format(_min)}, max {Format(_max)})";
}
