using System.Globalization;
using Simulation.Core.Random;

namespace Simulation.Core.Distributions;

/// <summary>
/// A scenario parameter: a fixed number or a distribution sampled once per run (docs/model.md, "Time and
/// randomness"). Each family is its own class declaring its keys (<see cref="DistributionFamily"/>); construct through
/// the factory methods here or a family's <see cref="DistributionFamily.Create"/>, which check their arguments;
/// sampling is then unchecked and allocation free.
/// </summary>
/// <remarks>
/// Immutable and thread safe; randomness comes from the generator passed to <see cref="Sample"/>. A run draws each
/// uncertain input once (a virtual call per input and run, never per month).
/// </remarks>
public abstract class InputDistribution
{
    private protected InputDistribution()
    {
    }

    /// <summary>The family.</summary>
    public abstract DistributionKind Kind { get; }

    /// <summary>True when the parameter is a plain number and so consumes no randomness.</summary>
    public bool IsFixed => Kind == DistributionKind.Fixed;

    /// <summary>True for the distributions with a density (every kind but fixed and discrete).</summary>
    public virtual bool IsContinuous => true;

    /// <summary>The smallest value a draw can take (may be -infinity).</summary>
    public abstract double SupportMin { get; }

    /// <summary>The largest value a draw can take (may be +infinity).</summary>
    public abstract double SupportMax { get; }

    /// <summary>True when every draw is a strictly positive number (lognormal, gamma and exponential never draw 0).</summary>
    public virtual bool ExcludesZero => SupportMin > 0;

    /// <summary>The distribution's mean (for the truncated normal, of the truncated distribution).</summary>
    public abstract double Mean { get; }

    /// <summary>The cumulative distribution function, for tests and reports.</summary>
    public abstract double Cdf(double x);

    /// <summary>
    /// The probability density at <paramref name="x"/> (0 outside the support), for the importance weights of
    /// calibration; for a discrete distribution the probability of the value, for a fixed one 1 at the value.
    /// </summary>
    public double Density(double x) => double.IsNaN(x) || x < SupportMin || x > SupportMax ? 0 : DensityWithin(x);

    /// <summary>The density at <paramref name="x"/>, which lies within the support.</summary>
    protected abstract double DensityWithin(double x);

    /// <summary>
    /// The inverse distribution function: the value at cumulative probability <paramref name="u"/> in (0, 1). Sampling
    /// designs and correlated inputs draw through it, so that a uniform number in a stratum or a copula maps to exactly
    /// this marginal.
    /// </summary>
    public abstract double Quantile(double u);

    /// <summary>One draw. A fixed value consumes no random numbers.</summary>
    public abstract double Sample(ref Xoshiro256StarStar rng);

    /// <summary>A short human description, e.g. "uniform(min 500, max 3000)".</summary>
    public abstract override string ToString();

    /// <summary>A plain number; +infinity stands for "no limit" where a key allows it (departure capacity).</summary>
    public static InputDistribution Fixed(double value) => new FixedValue(value);

    /// <summary>Uniform on [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static InputDistribution Uniform(double min, double max) => new UniformDistribution(min, max);

    /// <summary>Normal(<paramref name="mean"/>, <paramref name="sd"/>), truncated to the bounds when given.</summary>
    public static InputDistribution Normal(double mean, double sd, double? min = null, double? max = null) => new NormalDistribution(mean, sd, min, max);

    /// <summary>Log-normal with log-scale mean <paramref name="mu"/> and log-scale sd <paramref name="sigma"/>.</summary>
    public static InputDistribution LogNormal(double mu, double sigma) => new LogNormalDistribution(mu, sigma);

    /// <summary>Log-normal given its median and 95th percentile (p95 &gt; median &gt; 0).</summary>
    public static InputDistribution LogNormalFromQuantiles(double median, double p95) => LogNormalDistribution.FromQuantiles(median, p95);

    /// <summary>Triangular on [<paramref name="min"/>, <paramref name="max"/>] peaking at <paramref name="mode"/>.</summary>
    public static InputDistribution Triangular(double min, double mode, double max) => new TriangularDistribution(min, mode, max);

    /// <summary>Beta-PERT with shape 4 on [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static InputDistribution Pert(double min, double mode, double max) => new PertDistribution(min, mode, max);

    /// <summary>Beta(<paramref name="alpha"/>, <paramref name="beta"/>) on [0, 1].</summary>
    public static InputDistribution Beta(double alpha, double beta) => new BetaDistribution(alpha, beta);

    /// <summary>Gamma with <paramref name="shape"/> and <paramref name="scale"/> (mean shape * scale).</summary>
    public static InputDistribution Gamma(double shape, double scale) => new GammaDistribution(shape, scale);

    /// <summary>Exponential with the given <paramref name="mean"/>.</summary>
    public static InputDistribution Exponential(double mean) => new ExponentialDistribution(mean);

    /// <summary>One of <paramref name="values"/> with probability proportional to its weight.</summary>
    public static InputDistribution Discrete(IReadOnlyList<double> values, IReadOnlyList<double> weights) => new DiscreteDistribution(values, weights);

    /// <summary>A value as descriptions write it: six significant figures, "no limit" for +infinity.</summary>
    private protected static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "no limit" : value.ToString("G6", CultureInfo.InvariantCulture);

    private protected static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} must be a finite number");
        }
    }

    private protected static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"{name} must be a finite number above 0");
        }
    }

    private protected static void RequireMinModeMax(double min, double mode, double max)
    {
        RequireFinite(min, nameof(min));
        RequireFinite(mode, nameof(mode));
        RequireFinite(max, nameof(max));
        if (!(min < max))
        {
            throw new ArgumentException("min must be below max");
        }
        if (!(min <= mode && mode <= max))
        {
            throw new ArgumentException("mode must lie between min and max");
        }
    }
}
