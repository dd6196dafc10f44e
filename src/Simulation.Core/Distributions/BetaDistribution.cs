using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Distributions;

/// <summary>Beta(alpha, beta) on [0, 1] (<c>dist: beta</c>).</summary>
public sealed class BetaDistribution : InputDistribution
{
    private readonly double _alpha, _beta;

    internal BetaDistribution(double alpha, double beta)
    {
        RequirePositive(alpha, nameof(alpha));
        RequirePositive(beta, nameof(beta));
        (_alpha, _beta) = (alpha, beta);
    }

    /// <summary>The family's name and keys.</summary>
    public static DistributionFamily Family { get; } = new("beta", ["alpha", "beta"], [], (n, _) => new BetaDistribution(n["alpha"], n["beta"]));

    /// <inheritdoc />
    public override DistributionKind Kind => DistributionKind.Beta;

    /// <inheritdoc />
    public override double SupportMin => 0;

    /// <inheritdoc />
    public override double SupportMax => 1;

    /// <inheritdoc />
    public override double Mean => _alpha / (_alpha + _beta);

    /// <inheritdoc />
    public override double Cdf(double x) => MathNet.Numerics.Distributions.Beta.CDF(_alpha, _beta, Math.Clamp(x, 0, 1));

    /// <inheritdoc />
    protected override double DensityWithin(double x) => MathNet.Numerics.Distributions.Beta.PDF(_alpha, _beta, x);

    /// <inheritdoc />
    public override double Quantile(double u) => MathNet.Numerics.Distributions.Beta.InvCDF(_alpha, _beta, u);

    /// <inheritdoc />
    public override double Sample(ref Xoshiro256StarStar rng) => GammaVariate.SampleBeta(ref rng, _alpha, _beta);

    /// <inheritdoc />
    public override string ToString() => $"beta(alpha {Format(_alpha)}, beta {Format(_beta)})";
}
