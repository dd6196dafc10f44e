using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Distributions;

/// <summary>
/// Beta-PERT with shape 4 on [min, max] (<c>dist: pert</c>): min + (max - min) Beta(1 + 4 (mode - min)/(max - min),
/// 1 + 4 (max - mode)/(max - min)).
/// </summary>
public sealed class PertDistribution : InputDistribution
{
    private readonly double _min, _mode, _max, _alpha, _beta;

    internal PertDistribution(double min, double mode, double max)
    {
        RequireMinModeMax(min, mode, max);
        double range = max - min;
        (_min, _mode, _max) = (min, mode, max);
        _alpha = 1 + 4 * (mode - min) / range;
        _beta = 1 + 4 * (max - mode) / range;
    }

    /// <summary>The family's name and keys.</summary>
    public static DistributionFamily Family { get; } = new("pert", ["min", "mode", "max"], [],
        (n, _) => new PertDistribution(n["min"], n["mode"], n["max"]));

    /// <inheritdoc />
    public override DistributionKind Kind => DistributionKind.Pert;

    /// <inheritdoc />
    public override double SupportMin => _min;

    /// <inheritdoc />
    public override double SupportMax => _max;

    /// <inheritdoc />
    public override double Mean => _min + (_max - _min) * _alpha / (_alpha + _beta);

    /// <inheritdoc />
    public override double Cdf(double x) =>
        x <= _min ? 0 : x >= _max ? 1 : MathNet.Numerics.Distributions.Beta.CDF(_alpha, _beta, (x - _min) / (_max - _min));

    /// <inheritdoc />
    protected override double DensityWithin(double x) => MathNet.Numerics.Distributions.Beta.PDF(_alpha, _beta, (x - _min) / (_max - _min)) / (_max - _min);

    /// <inheritdoc />
    public override double Quantile(double u) => _min + (_max - _min) * MathNet.Numerics.Distributions.Beta.InvCDF(_alpha, _beta, u);

    /// <inheritdoc />
    public override double Sample(ref Xoshiro256StarStar rng) => _min + (_max - _min) * GammaVariate.SampleBeta(ref rng, _alpha, _beta);

    /// <inheritdoc />
    public override string ToString() => $"pert(min {Format(_min)}, mode {Format(_mode)}, max {Format(_max)})";
}
