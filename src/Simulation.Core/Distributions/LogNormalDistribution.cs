using Simulation.Core.Random;
using Simulation.Core.Sampling;
using MathNormal = MathNet.Numerics.Distributions.Normal;

namespace Simulation.Core.Distributions;

/// <summary>Log-normal with log-scale mean mu and sd sigma, or given by its median and 95th percentile (<c>dist: lognormal</c>).</summary>
public sealed class LogNormalDistribution : InputDistribution
{
    // z such that P(Z <= z) = 0.95 for a standard normal.
    private const double NormalP95 = 1.6448536269514722;

    private readonly double _mu, _sigma;

    internal LogNormalDistribution(double mu, double sigma)
    {
        RequireFinite(mu, nameof(mu));
        RequirePositive(sigma, nameof(sigma));
        (_mu, _sigma) = (mu, sigma);
    }

    /// <summary>The log-normal with the given median and 95th percentile (p95 &gt; median &gt; 0).</summary>
    internal static LogNormalDistribution FromQuantiles(double median, double p95)
    {
        RequirePositive(median, nameof(median));
        RequireFinite(p95, nameof(p95));
        if (!(p95 > median))
        {
            throw new ArgumentException("lognormal: p95 must be above the median");
        }
        double mu = Math.Log(median);
        return new LogNormalDistribution(mu, (Math.Log(p95) - mu) / NormalP95);
    }

    /// <summary>The family's name and keys: median and p95, or mu and sigma.</summary>
    public static DistributionFamily Family { get; } = new("lognormal", [], ["median", "p95", "mu", "sigma"],
        (n, _) => n.ContainsKey("median") ? FromQuantiles(n["median"], n["p95"]) : new LogNormalDistribution(n["mu"], n["sigma"]))
    {
        Alternatives = [["median", "p95"], ["mu", "sigma"]],
    };

    /// <inheritdoc />
    public override DistributionKind Kind => DistributionKind.LogNormal;

    /// <inheritdoc />
    public override double SupportMin => 0;

    /// <inheritdoc />
    public override double SupportMax => double.PositiveInfinity;

    /// <inheritdoc />
    public override bool ExcludesZero => true;

    /// <inheritdoc />
    public override double Mean => Math.Exp(_mu + _sigma * _sigma / 2);

    /// <inheritdoc />
    public override double Cdf(double x) => x <= 0 ? 0 : MathNet.Numerics.Distributions.LogNormal.CDF(_mu, _sigma, x);

    /// <inheritdoc />
    protected override double DensityWithin(double x) => x <= 0 ? 0 : MathNet.Numerics.Distributions.LogNormal.PDF(_mu, _sigma, x);

    /// <inheritdoc />
    public override double Quantile(double u) => Math.Exp(_mu + _sigma * MathNormal.InvCDF(0, 1, u));

    /// <inheritdoc />
    public override double Sample(ref Xoshiro256StarStar rng) => Math.Exp(_mu + _sigma * StandardNormal.Sample(ref rng));

    /// <inheritdoc />
    public override string ToString() => $"lognormal(median {Format(Math.Exp(_mu))}, p95 {Format(Math.Exp(_mu + NormalP95 * _sigma))})";
}
