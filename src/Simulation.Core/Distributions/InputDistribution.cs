using System.Globalization;
using Simulation.Core.Random;
using Simulation.Core.Sampling;
using MathNormal = MathNet.Numerics.Distributions.Normal;

namespace Simulation.Core.Distributions;

/// <summary>
/// A scenario parameter: a fixed number or a distribution sampled once per run (docs/model.md, "Time and
/// randomness"). Construct through the factory methods, which check their arguments; sampling is then
/// unchecked and allocation free.
/// </summary>
/// <remarks>Immutable and thread safe; randomness comes from the generator passed to <see cref="Sample"/>.</remarks>
public sealed class InputDistribution
{
    // z such that P(Z <= z) = 0.95 for a standard normal.
    private const double NormalP95 = 1.6448536269514722;

    private readonly double _p1, _p2, _p3, _p4, _p5;
    private readonly double[] _values;
    private readonly double[] _cumulativeWeights;

    private InputDistribution(DistributionKind kind, double p1 = 0, double p2 = 0, double p3 = 0, double p4 = 0, double p5 = 0,
        double[]? values = null, double[]? cumulativeWeights = null)
    {
        Kind = kind;
        _p1 = p1;
        _p2 = p2;
        _p3 = p3;
        _p4 = p4;
        _p5 = p5;
        _values = values ?? [];
        _cumulativeWeights = cumulativeWeights ?? [];
    }

    /// <summary>The family.</summary>
    public DistributionKind Kind { get; }

    /// <summary>True when the parameter is a plain number and so consumes no randomness.</summary>
    public bool IsFixed => Kind == DistributionKind.Fixed;

    /// <summary>A plain number; +infinity stands for "no limit" where a key allows it (departure capacity).</summary>
    public static InputDistribution Fixed(double value)
    {
        if (!double.IsPositiveInfinity(value))
        {
            RequireFinite(value, nameof(value));
        }
        return new InputDistribution(DistributionKind.Fixed, value);
    }

    /// <summary>Uniform on [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static InputDistribution Uniform(double min, double max)
    {
        RequireFinite(min, nameof(min));
        RequireFinite(max, nameof(max));
        RequireOrdered(min, max, "min", "max");
        return new InputDistribution(DistributionKind.Uniform, min, max);
    }

    /// <summary>Normal(<paramref name="mean"/>, <paramref name="sd"/>), truncated to the bounds when given.</summary>
    public static InputDistribution Normal(double mean, double sd, double? min = null, double? max = null)
    {
        RequireFinite(mean, nameof(mean));
        RequirePositive(sd, nameof(sd));
        double lower = min ?? double.NegativeInfinity;
        double upper = max ?? double.PositiveInfinity;
        if (min is { } a)
        {
            RequireFinite(a, nameof(min));
        }
        if (max is { } b)
        {
            RequireFinite(b, nameof(max));
        }
        if (!(lower < upper))
        {
            throw new ArgumentException("normal: min must be below max");
        }
        double cdfLower = MathNormal.CDF(0, 1, (lower - mean) / sd);
        double cdfUpper = MathNormal.CDF(0, 1, (upper - mean) / sd);
        if (!(cdfUpper - cdfLower > 1e-12))
        {
            throw new ArgumentException("normal: [min, max] holds almost none of the distribution's mass");
        }
        return new InputDistribution(DistributionKind.Normal, mean, sd, lower, upper, 0, [cdfLower, cdfUpper]);
    }

    /// <summary>Log-normal with log-scale mean <paramref name="mu"/> and log-scale sd <paramref name="sigma"/>.</summary>
    public static InputDistribution LogNormal(double mu, double sigma)
    {
        RequireFinite(mu, nameof(mu));
        RequirePositive(sigma, nameof(sigma));
        return new InputDistribution(DistributionKind.LogNormal, mu, sigma);
    }

    /// <summary>Log-normal given its median and 95th percentile (p95 &gt; median &gt; 0).</summary>
    public static InputDistribution LogNormalFromQuantiles(double median, double p95)
    {
        RequirePositive(median, nameof(median));
        RequireFinite(p95, nameof(p95));
        if (!(p95 > median))
        {
            throw new ArgumentException("lognormal: p95 must be above the median");
        }
        double mu = Math.Log(median);
        return LogNormal(mu, (Math.Log(p95) - mu) / NormalP95);
    }

    /// <summary>Triangular on [<paramref name="min"/>, <paramref name="max"/>] peaking at <paramref name="mode"/>.</summary>
    public static InputDistribution Triangular(double min, double mode, double max)
    {
        RequireMinModeMax(min, mode, max);
        return new InputDistribution(DistributionKind.Triangular, min, mode, max);
    }

    /// <summary>Beta-PERT with shape 4: min + (max - min) * Beta(1 + 4 (mode - min)/(max - min), 1 + 4 (max - mode)/(max - min)).</summary>
    public static InputDistribution Pert(double min, double mode, double max)
    {
        RequireMinModeMax(min, mode, max);
        double range = max - min;
        double alpha = 1 + 4 * (mode - min) / range;
        double beta = 1 + 4 * (max - mode) / range;
        return new InputDistribution(DistributionKind.Pert, min, mode, max, alpha, beta);
    }

    /// <summary>Beta(<paramref name="alpha"/>, <paramref name="beta"/>) on [0, 1].</summary>
    public static InputDistribution Beta(double alpha, double beta)
    {
        RequirePositive(alpha, nameof(alpha));
        RequirePositive(beta, nameof(beta));
        return new InputDistribution(DistributionKind.Beta, alpha, beta);
    }

    /// <summary>Gamma with <paramref name="shape"/> and <paramref name="scale"/> (mean shape * scale).</summary>
    public static InputDistribution Gamma(double shape, double scale)
    {
        RequirePositive(shape, nameof(shape));
        RequirePositive(scale, nameof(scale));
        return new InputDistribution(DistributionKind.Gamma, shape, scale);
    }

    /// <summary>Exponential with the given <paramref name="mean"/>.</summary>
    public static InputDistribution Exponential(double mean)
    {
        RequirePositive(mean, nameof(mean));
        return new InputDistribution(DistributionKind.Exponential, mean);
    }

    /// <summary>One of <paramref name="values"/> with probability proportional to its weight.</summary>
    public static InputDistribution Discrete(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        if (values.Count == 0 || values.Count != weights.Count)
        {
            throw new ArgumentException("discrete: values and weights must be non-empty and of the same length");
        }
        var ownValues = new double[values.Count];
        var cumulative = new double[values.Count];
        double total = 0;
        for (int i = 0; i < values.Count; i++)
        {
            RequireFinite(values[i], "values");
            if (!(weights[i] >= 0) || double.IsInfinity(weights[i]))
            {
                throw new ArgumentException("discrete: weights must be finite and >= 0");
            }
            ownValues[i] = values[i];
            total += weights[i];
            cumulative[i] = total;
        }
        if (!(total > 0))
        {
            throw new ArgumentException("discrete: weights must not all be 0");
        }
        for (int i = 0; i < cumulative.Length; i++)
        {
            cumulative[i] /= total;
        }
        cumulative[^1] = 1.0;
        return new InputDistribution(DistributionKind.Discrete, values: ownValues, cumulativeWeights: cumulative);
    }

    /// <summary>The smallest value a draw can take (may be -infinity).</summary>
    public double SupportMin => Kind switch
    {
        DistributionKind.Fixed or DistributionKind.Uniform or DistributionKind.Triangular or DistributionKind.Pert => _p1,
        DistributionKind.Normal => _p3,
        DistributionKind.LogNormal or DistributionKind.Beta or DistributionKind.Gamma or DistributionKind.Exponential => 0,
        DistributionKind.Discrete => Min(_values),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The largest value a draw can take (may be +infinity).</summary>
    public double SupportMax => Kind switch
    {
        DistributionKind.Fixed => _p1,
        DistributionKind.Uniform => _p2,
        DistributionKind.Triangular or DistributionKind.Pert => _p3,
        DistributionKind.Normal => _p4,
        DistributionKind.Beta => 1,
        DistributionKind.LogNormal or DistributionKind.Gamma or DistributionKind.Exponential => double.PositiveInfinity,
        DistributionKind.Discrete => -Min(Negated(_values)),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>True when every draw is a strictly positive number (lognormal, gamma and exponential never draw 0).</summary>
    public bool ExcludesZero => Kind is DistributionKind.LogNormal or DistributionKind.Gamma or DistributionKind.Exponential || SupportMin > 0;

    /// <summary>The distribution's mean (for the truncated normal, of the truncated distribution).</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Fixed => _p1,
        DistributionKind.Uniform => (_p1 + _p2) / 2,
        DistributionKind.Normal => TruncatedNormalMean(),
        DistributionKind.LogNormal => Math.Exp(_p1 + _p2 * _p2 / 2),
        DistributionKind.Triangular => (_p1 + _p2 + _p3) / 3,
        DistributionKind.Pert => _p1 + (_p3 - _p1) * _p4 / (_p4 + _p5),
        DistributionKind.Beta => _p1 / (_p1 + _p2),
        DistributionKind.Gamma => _p1 * _p2,
        DistributionKind.Exponential => _p1,
        DistributionKind.Discrete => DiscreteMean(),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The cumulative distribution function, for tests and reports.</summary>
    public double Cdf(double x)
    {
        switch (Kind)
        {
            case DistributionKind.Fixed:
                return x >= _p1 ? 1 : 0;
            case DistributionKind.Uniform:
                return _p2 > _p1 ? Math.Clamp((x - _p1) / (_p2 - _p1), 0, 1) : (x >= _p1 ? 1 : 0);
            case DistributionKind.Normal:
                if (x <= _p3) return 0;
                if (x >= _p4) return 1;
                return (MathNormal.CDF(0, 1, (x - _p1) / _p2) - _values[0]) / (_values[1] - _values[0]);
            case DistributionKind.LogNormal:
                return x <= 0 ? 0 : MathNet.Numerics.Distributions.LogNormal.CDF(_p1, _p2, x);
            case DistributionKind.Triangular:
                return MathNet.Numerics.Distributions.Triangular.CDF(_p1, _p3, _p2, x);
            case DistributionKind.Pert:
                return x <= _p1 ? 0 : x >= _p3 ? 1 : MathNet.Numerics.Distributions.Beta.CDF(_p4, _p5, (x - _p1) / (_p3 - _p1));
            case DistributionKind.Beta:
                return MathNet.Numerics.Distributions.Beta.CDF(_p1, _p2, Math.Clamp(x, 0, 1));
            case DistributionKind.Gamma:
                return x <= 0 ? 0 : MathNet.Numerics.Distributions.Gamma.CDF(_p1, 1 / _p2, x);
            case DistributionKind.Exponential:
                return x <= 0 ? 0 : -double.ExpM1(-x / _p1);
            case DistributionKind.Discrete:
                double cumulative = 0;
                double previous = 0;
                for (int i = 0; i < _values.Length; i++)
                {
                    if (_values[i] <= x)
                    {
                        cumulative += _cumulativeWeights[i] - previous;
                    }
                    previous = _cumulativeWeights[i];
                }
                return cumulative;
            default:
                throw new InvalidOperationException();
        }
    }

    /// <summary>True for the distributions with a density (every kind but fixed and discrete).</summary>
    public bool IsContinuous => Kind is not (DistributionKind.Fixed or DistributionKind.Discrete);

    /// <summary>
    /// The probability density at <paramref name="x"/> (0 outside the support), for the importance weights of
    /// calibration; for a discrete distribution the probability of the value, for a fixed one 1 at the value.
    /// </summary>
    public double Density(double x)
    {
        if (double.IsNaN(x) || x < SupportMin || x > SupportMax)
        {
            return 0;
        }
        switch (Kind)
        {
            case DistributionKind.Fixed:
                return x == _p1 ? 1 : 0;
            case DistributionKind.Uniform:
                return _p2 > _p1 ? 1 / (_p2 - _p1) : (x == _p1 ? 1 : 0);
            case DistributionKind.Normal:
                return MathNormal.PDF(_p1, _p2, x) / (_values[1] - _values[0]);
            case DistributionKind.LogNormal:
                return x <= 0 ? 0 : MathNet.Numerics.Distributions.LogNormal.PDF(_p1, _p2, x);
            case DistributionKind.Triangular:
                return MathNet.Numerics.Distributions.Triangular.PDF(_p1, _p3, _p2, x);
            case DistributionKind.Pert:
                return MathNet.Numerics.Distributions.Beta.PDF(_p4, _p5, (x - _p1) / (_p3 - _p1)) / (_p3 - _p1);
            case DistributionKind.Beta:
                return MathNet.Numerics.Distributions.Beta.PDF(_p1, _p2, x);
            case DistributionKind.Gamma:
                return x <= 0 ? 0 : MathNet.Numerics.Distributions.Gamma.PDF(_p1, 1 / _p2, x);
            case DistributionKind.Exponential:
                return Math.Exp(-x / _p1) / _p1;
            case DistributionKind.Discrete:
                double probability = 0;
                double previous = 0;
                for (int i = 0; i < _values.Length; i++)
                {
                    if (_values[i] == x)
                    {
                        probability += _cumulativeWeights[i] - previous;
                    }
                    previous = _cumulativeWeights[i];
                }
                return probability;
            default:
                throw new InvalidOperationException();
        }
    }

    /// <summary>
    /// The inverse distribution function: the value at cumulative probability <paramref name="u"/> in (0, 1). Sampling
    /// designs and correlated inputs draw through it, so that a uniform number in a stratum or a copula maps to exactly
    /// this marginal.
    /// </summary>
    public double Quantile(double u)
    {
        switch (Kind)
        {
            case DistributionKind.Fixed:
                return _p1;
            case DistributionKind.Uniform:
                return _p1 + (_p2 - _p1) * u;
            case DistributionKind.Normal:
                if (double.IsInfinity(_p3) && double.IsInfinity(_p4))
                {
                    return _p1 + _p2 * MathNormal.InvCDF(0, 1, u);
                }
                return Math.Clamp(_p1 + _p2 * MathNormal.InvCDF(0, 1, _values[0] + (_values[1] - _values[0]) * u), _p3, _p4);
            case DistributionKind.LogNormal:
                return Math.Exp(_p1 + _p2 * MathNormal.InvCDF(0, 1, u));
            case DistributionKind.Triangular:
                return SampleTriangular(u);
            case DistributionKind.Pert:
                return _p1 + (_p3 - _p1) * MathNet.Numerics.Distributions.Beta.InvCDF(_p4, _p5, u);
            case DistributionKind.Beta:
                return MathNet.Numerics.Distributions.Beta.InvCDF(_p1, _p2, u);
            case DistributionKind.Gamma:
                return MathNet.Numerics.Distributions.Gamma.InvCDF(_p1, 1 / _p2, u);
            case DistributionKind.Exponential:
                return -_p1 * Math.Log(1 - u);
            case DistributionKind.Discrete:
                for (int i = 0; i < _cumulativeWeights.Length - 1; i++)
                {
                    if (u < _cumulativeWeights[i])
                    {
                        return _values[i];
                    }
                }
                return _values[^1];
            default:
                throw new InvalidOperationException();
        }
    }

    /// <summary>One draw. A fixed value consumes no random numbers.</summary>
    public double Sample(ref Xoshiro256StarStar rng)
    {
        switch (Kind)
        {
            case DistributionKind.Fixed:
                return _p1;
            case DistributionKind.Uniform:
                return _p1 + (_p2 - _p1) * rng.NextDouble();
            case DistributionKind.Normal:
                return SampleTruncatedNormal(ref rng);
            case DistributionKind.LogNormal:
                return Math.Exp(_p1 + _p2 * StandardNormal.Sample(ref rng));
            case DistributionKind.Triangular:
                return SampleTriangular(rng.NextDouble());
            case DistributionKind.Pert:
                return _p1 + (_p3 - _p1) * GammaVariate.SampleBeta(ref rng, _p4, _p5);
            case DistributionKind.Beta:
                return GammaVariate.SampleBeta(ref rng, _p1, _p2);
            case DistributionKind.Gamma:
                return _p2 * GammaVariate.Sample(ref rng, _p1);
            case DistributionKind.Exponential:
                return -_p1 * Math.Log(rng.NextOpenDouble());
            case DistributionKind.Discrete:
                double u = rng.NextDouble();
                for (int i = 0; i < _cumulativeWeights.Length - 1; i++)
                {
                    if (u < _cumulativeWeights[i])
                    {
                        return _values[i];
                    }
                }
                return _values[^1];
            default:
                throw new InvalidOperationException();
        }
    }

    /// <summary>A short human description, e.g. "uniform(min 500, max 3000)".</summary>
    public override string ToString()
    {
        string F(double v) => double.IsPositiveInfinity(v) ? "no limit" : v.ToString("G6", CultureInfo.InvariantCulture);
        return Kind switch
        {
            DistributionKind.Fixed => F(_p1),
            DistributionKind.Uniform => $"uniform(min {F(_p1)}, max {F(_p2)})",
            DistributionKind.Normal => $"normal(mean {F(_p1)}, sd {F(_p2)}"
                + (double.IsFinite(_p3) ? $", min {F(_p3)}" : "") + (double.IsFinite(_p4) ? $", max {F(_p4)}" : "") + ")",
            DistributionKind.LogNormal => $"lognormal(median {F(Math.Exp(_p1))}, p95 {F(Math.Exp(_p1 + NormalP95 * _p2))})",
            DistributionKind.Triangular => $"triangular(min {F(_p1)}, mode {F(_p2)}, max {F(_p3)})",
            DistributionKind.Pert => $"pert(min {F(_p1)}, mode {F(_p2)}, max {F(_p3)})",
            DistributionKind.Beta => $"beta(alpha {F(_p1)}, beta {F(_p2)})",
            DistributionKind.Gamma => $"gamma(shape {F(_p1)}, scale {F(_p2)})",
            DistributionKind.Exponential => $"exponential(mean {F(_p1)})",
            DistributionKind.Discrete => $"discrete({_values.Length} values)",
            _ => Kind.ToString(),
        };
    }

    private double SampleTruncatedNormal(ref Xoshiro256StarStar rng)
    {
        if (double.IsInfinity(_p3) && double.IsInfinity(_p4))
        {
            return _p1 + _p2 * StandardNormal.Sample(ref rng);
        }
        // Inversion between the bounds' CDF values is exact, costs one draw and never loops, however little mass the bounds hold.
        double u = _values[0] + (_values[1] - _values[0]) * rng.NextOpenDouble();
        double x = _p1 + _p2 * MathNormal.InvCDF(0, 1, u);
        return Math.Clamp(x, _p3, _p4);
    }

    private double SampleTriangular(double u)
    {
        double min = _p1, mode = _p2, max = _p3;
        double range = max - min;
        double split = (mode - min) / range;
        return u < split
            ? min + Math.Sqrt(u * range * (mode - min))
            : max - Math.Sqrt((1 - u) * range * (max - mode));
    }

    private double TruncatedNormalMean()
    {
        double alpha = (_p3 - _p1) / _p2;
        double beta = (_p4 - _p1) / _p2;
        double mass = _values[1] - _values[0];
        double densityLower = double.IsInfinity(alpha) ? 0 : MathNormal.PDF(0, 1, alpha);
        double densityUpper = double.IsInfinity(beta) ? 0 : MathNormal.PDF(0, 1, beta);
        return _p1 + _p2 * (densityLower - densityUpper) / mass;
    }

    private double DiscreteMean()
    {
        double mean = 0;
        double previous = 0;
        for (int i = 0; i < _values.Length; i++)
        {
            mean += _values[i] * (_cumulativeWeights[i] - previous);
            previous = _cumulativeWeights[i];
        }
        return mean;
    }

    private static double Min(double[] values)
    {
        double min = double.PositiveInfinity;
        foreach (double v in values)
        {
            min = Math.Min(min, v);
        }
        return min;
    }

    private static double[] Negated(double[] values)
    {
        var negated = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            negated[i] = -values[i];
        }
        return negated;
    }

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} must be a finite number");
        }
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"{name} must be a finite number above 0");
        }
    }

    private static void RequireOrdered(double low, double high, string lowName, string highName)
    {
        if (!(low <= high))
        {
            throw new ArgumentException($"{lowName} must not exceed {highName}");
        }
    }

    private static void RequireMinModeMax(double min, double mode, double max)
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
