using Simulation.Core.Random;

namespace Simulation.Core.Distributions;

/// <summary>Exponential with the given mean (<c>dist: exponential</c>).</summary>
public sealed class ExponentialDistribution : InputDistribution
{
    private readonly double _mean;

    internal ExponentialDistribution(double mean)
    {
        RequirePositive(mean, nameof(mean));
        _mean = mean;
    }

    /// <summary>The family's name and keys.</summary>
    public static DistributionFamily Family { get; } = new("exponential", ["mean"], [], (n, _) => new ExponentialDistribution(n["mean"]));

    /// <inheritdoc />
    public override DistributionKind Kind => DistributionKind.Exponential;

    /// <inheritdoc />
    public override double SupportMin => 0;

    /// <inheritdoc />
    public override double SupportMax => double.PositiveInfinity;

    /// <inheritdoc />
    public override bool ExcludesZero => true;

    /// <inheritdoc />
    public override double Mean => _mean;

    /// <inheritdoc />
    public override double Cdf(double x) => x <= 0 ? 0 : -double.ExpM1(-x / _mean);

    /// <inheritdoc />
    protected override double DensityWithin(double x) => Math.Exp(-x / _mean) / _mean;

    /// <inheritdoc />
    public override double Quantile(double u) => -_mean * Math.Log(1 - u);

    /// <inheritdoc />
    public override double Sample(ref Xoshiro256StarStar rng) => -_mean * Math.Log(rng.NextOpenDouble());

    /// <inheritdoc />
    public override string ToString() => $"exponential(mean {Format(_mean)})";
}
