using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Distributions;

/// <summary>Gamma with shape and scale, mean shape x scale (<c>dist: gamma</c>).</summary>
public sealed class GammaDistribution : InputDistribution
{
    private readonly double _shape, _scale;

    internal GammaDistribution(double shape, double scale)
    {
        RequirePositive(shape, nameof(shape));
        RequirePositive(scale, nameof(scale));
        (_shape, _scale) = (shape, scale);
    }

    /// <summary>The family's name and keys.</summary>
    public static DistributionFamily Family { get; } = new("gamma", ["shape", "scale"], [], (n, _) => new GammaDistribution(n["shape"], n["scale"]));

    /// <inheritdoc />
    public override DistributionKind Kind => DistributionKind.Gamma;

    /// <inheritdoc />
    public override double SupportMin => 0;

    /// <inheritdoc />
    public override double SupportMax => double.PositiveInfinity;

    /// <inheritdoc />
    public override bool ExcludesZero => true;

    /// <inheritdoc />
    public override double Mean => _shape * _scale;

    /// <inheritdoc />
    public override double Cdf(double x) => x <= 0 ? 0 : MathNet.Numerics.Distributions.Gamma.CDF(_shape, 1 / _scale, x);

    /// <inheritdoc />
    protected override double DensityWithin(double x) => x <= 0 ? 0 : MathNet.Numerics.Distributions.Gamma.PDF(_shape, 1 / _scale, x);

    /// <inheritdoc />
    public override double Quantile(double u) => MathNet.Numerics.Distributions.Gamma.InvCDF(_shape, 1 / _scale, u);

    /// <inheritdoc />
    public override double Sample(ref Xoshiro256StarStar rng) => _scale * GammaVariate.Sample(ref rng, _shape);

    /// <inheritdoc />
    public override string ToString() => $"gamma(shape {Format(_shape)}, scale {Format(_scale)})";
}
