namespace Simulation.Core.Summaries;

/// <summary>
/// The complete state of a <see cref="QuantileSketch"/>, for saving shards and checkpoints: the zero count and, for
/// positive and negative values, the key of the first bucket and the counts from there on.
/// </summary>
public sealed record SketchData(long ZeroCount, int PositiveFirstKey, long[] PositiveCounts, int NegativeFirstKey, long[] NegativeCounts)
{
    /// <summary>Number of values.</summary>
    public long Count
    {
        get
        {
            long count = ZeroCount;
            foreach (long c in PositiveCounts) count += c;
            foreach (long c in NegativeCounts) count += c;
            return count;
        }
    }
}
