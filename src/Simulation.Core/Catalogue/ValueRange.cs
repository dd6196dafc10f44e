using System.Globalization;

namespace Simulation.Core.Catalogue;

/// <summary>
/// The values a key accepts. A distribution must keep every draw within the lower bound, and within the
/// upper bound when <see cref="UnboundedAbove"/> is false (probabilities, fractions); sanity caps on counts
/// and money apply to plain numbers and bounded distributions only, so log-normal tails stay usable.
/// </summary>
public sealed record ValueRange(double Min, double Max, bool MinExclusive = false, bool UnboundedAbove = true, bool InfinityAllowed = false)
{
    /// <summary>Any real number.</summary>
    public static ValueRange AnyReal { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>A probability or share, in [0, 1].</summary>
    public static ValueRange Probability { get; } = new(0, 1, UnboundedAbove: false);

    /// <summary>True when <paramref name="value"/> is accepted.</summary>
    public bool Contains(double value) =>
        (MinExclusive ? value > Min : value >= Min) && value <= Max && (InfinityAllowed || !double.IsInfinity(value));

    /// <summary>"between 0 and 1", "above 0", "at least 1", ...</summary>
    public string Describe()
    {
        string F(double v) => v.ToString("G", CultureInfo.InvariantCulture);
        bool hasMin = double.IsFinite(Min);
        // double.MaxValue is how a range says "no upper limit" while still refusing infinity.
        bool hasMax = double.IsFinite(Max) && Max < double.MaxValue;
        string unlimited = InfinityAllowed ? ", or .inf for no limit" : "";
        if (hasMin && hasMax)
        {
            return MinExclusive ? $"above {F(Min)} and at most {F(Max)}" : $"between {F(Min)} and {F(Max)}";
        }
        if (hasMin)
        {
            return (MinExclusive ? $"above {F(Min)}" : $"at least {F(Min)}") + unlimited;
        }
        return hasMax ? $"at most {F(Max)}" : "a finite number";
    }
}
