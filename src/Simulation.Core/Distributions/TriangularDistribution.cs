using Simulation.Core.Random;

namespace Simulation.Core.Distributions;

/// <summary>Triangular on [min, max] peaking at mode (<c>dist: triangular</c>).</summary>
public sealed class TriangularDistribution : InputDistribution
{
    private readonly double _min, _mode, _max;

    internal TriangularDistribution(double min, double mode, double max)
    {
        RequireMinModeMax(min, mode, max);
        (_min, _mode, _max) = (min, mode, max);
    }

    /// <summary>The family's name and keys.</summary>
    public static DistributionFamily Family { get; } = new("triangular", ["min", "mode", "max"], [],
        (n, _) => new TriangularDistribution(n["min"], n["mode"], n["max"]));

    /// <inheritdoc />
    public override DistributionKind Kind => DistributionKind.Triangular;

    /// <inheritdoc />
    public override double SupportMin => _min;

    /// <inheritdoc />
    public override double SupportMax => _max;

    /// <inheritdoc />
    public override double Mean => (_min + _mode + _max) / 3;

    /// <inheritdoc />
    public override double Cdf(double x) => MathNet.Numerics.Distributions.Triangular.CDF(_min, _max, _mode, x);

    /// <inheritdoc />
    protected override double DensityWithin(double x) => MathNet.Numerics.Distributions.Triangular.PDF(_min, _max, _mode, x);

    /// <inheritdoc />
    public override double Quantile(double u)
    {
        double range = _max - _min;
        double split = (_mode - _min) / range;
        return u < split
            ? _min + Math.Sqrt(u * range * (_mode - _min))
            : _max - Math.Sqrt((1 - u) * range * (_max - _mode));
    }

    /// <inheritdoc />
    public override double Sample(ref Xoshiro256StarStar rng) => Quantile(rng.NextDouble());

    /// <inheritdoc />
    public override string ToString() => $"triangular(min {Format(_min)}, mode {Format(_mode)}, max {Format(_max)})";
}
