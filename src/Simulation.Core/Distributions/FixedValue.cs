using Simulation.Core.Random;

namespace Simulation.Core.Distributions;

/// <summary>A plain number: no randomness; +infinity stands for "no limit" where a key allows it (departure capacity).</summary>
public sealed class FixedValue : InputDistribution
{
    private readonly double _value;

    internal FixedValue(double value)
    {
        if (!double.IsPositiveInfinity(value))
        {
            RequireFinite(value, nameof(value));
        }
        _value = value;
    }

    /// <inheritdoc />
    public override DistributionKind Kind => DistributionKind.Fixed;

    /// <inheritdoc />
    public override bool IsContinuous => false;

    /// <inheritdoc />
    public override double SupportMin => _value;

    /// <inheritdoc />
    public override double SupportMax => _value;

    /// <inheritdoc />
    public override double Mean => _value;

    /// <inheritdoc />
    public override double Cdf(double x) => x >= _value ? 1 : 0;

    /// <inheritdoc />
    protected override double DensityWithin(double x) => x == _value ? 1 : 0;

    /// <inheritdoc />
    public override double Quantile(double u) => _value;

    /// <inheritdoc />
    public override double Sample(ref Xoshiro256StarStar rng) => _value;

    /// <inheritdoc />
    public override string ToString() => Format(_value);
}
