using Simulation.Core.Random;

namespace Simulation.Core.Distributions;

/// <summary>One of a finite set of values with probability proportional to its weight (<c>dist: discrete</c>).</summary>
public sealed class DiscreteDistribution : InputDistribution
{
    private readonly double[] _values;
    private readonly double[] _cumulativeWeights;

    internal DiscreteDistribution(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        if (values.Count == 0 || values.Count != weights.Count)
        {
            throw new ArgumentException("discrete: values and weights must be non-empty and of the same length");
        }
        _values = new double[values.Count];
        _cumulativeWeights = new double[values.Count];
        double total = 0;
        for (int i = 0; i < values.Count; i++)
        {
            RequireFinite(values[i], "values");
            if (!(weights[i] >= 0) || double.IsInfinity(weights[i]))
            {
                throw new ArgumentException("discrete: weights must be finite and >= 0");
            }
            _values[i] = values[i];
            total += weights[i];
            _cumulativeWeights[i] = total;
        }
        if (!(total > 0))
        {
            throw new ArgumentException("discrete: weights must not all be 0");
        }
        for (int i = 0; i < _cumulativeWeights.Length; i++)
        {
            _cumulativeWeights[i] /= total;
        }
        _cumulativeWeights[^1] = 1.0;
    }

    /// <summary>The family's name and keys.</summary>
    public static DistributionFamily Family { get; } = new("discrete", ["values", "weights"], [], (_, l) => new DiscreteDistribution(l["values"], l["weights"]))
    {
        ListKeys = ["values", "weights"],
    };

    /// <inheritdoc />
    public override DistributionKind Kind => DistributionKind.Discrete;

    /// <inheritdoc />
    public override bool IsContinuous => false;

    /// <inheritdoc />
    public override double SupportMin => _values.Min();

    /// <inheritdoc />
    public override double SupportMax => _values.Max();

    /// <inheritdoc />
    public override double Mean
    {
        get
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
    }

    /// <inheritdoc />
    public override double Cdf(double x) => ProbabilityWhere(v => v <= x);

    /// <summary>The probability of the value <paramref name="x"/>.</summary>
    protected override double DensityWithin(double x) => ProbabilityWhere(v => v == x);

    private double ProbabilityWhere(Func<double, bool> included)
    {
        double probability = 0;
        double previous = 0;
        for (int i = 0; i < _values.Length; i++)
        {
            if (included(_values[i]))
            {
                probability += _cumulativeWeights[i] - previous;
            }
            previous = _cumulativeWeights[i];
        }
        return probability;
    }

    /// <inheritdoc />
    public override double Quantile(double u)
    {
        for (int i = 0; i < _cumulativeWeights.Length - 1; i++)
        {
            if (u < _cumulativeWeights[i])
            {
                return _values[i];
            }
        }
        return _values[^1];
    }

    /// <inheritdoc />
    public override double Sample(ref Xoshiro256StarStar rng) => Quantile(rng.NextDouble());

    /// <inheritdoc />
    public override string ToString() => $"discrete({_values.Length} values)";
}
