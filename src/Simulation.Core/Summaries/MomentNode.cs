namespace Simulation.Core.Summaries;

/// <summary>
/// The moments of every cell over the aligned range of blocks [Index * 2^Level, (Index + 1) * 2^Level): a node of
/// the fixed binary tree in which block moments are merged.
/// </summary>
public sealed record MomentNode(int Level, long Index, MomentSummary[] Cells)
{
    /// <summary>First block covered.</summary>
    public long FirstBlock => Index << Level;

    /// <summary>One past the last block covered.</summary>
    public long EndBlock => (Index + 1) << Level;
}
