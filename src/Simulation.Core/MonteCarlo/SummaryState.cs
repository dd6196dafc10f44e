using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// The mergeable summary state of the runs in blocks [FirstBlock, EndBlock): a sketch per cell and the moment
/// tree's nodes. Shards and checkpoints save it; <see cref="Combine"/> joins contiguous states, and a state
/// covering every block gives the same result, bit for bit, as one uninterrupted run.
/// </summary>
public sealed record SummaryState(int Months, long FirstBlock, long EndBlock, long Runs, IReadOnlyList<MomentNode> Nodes, IReadOnlyList<SketchData> Sketches)
{
    /// <summary>Joins states that together cover a contiguous range of blocks, given in any order.</summary>
    public static SummaryState Combine(IEnumerable<SummaryState> parts)
    {
        var ordered = parts.OrderBy(p => p.FirstBlock).ThenBy(p => p.EndBlock).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("nothing to combine");
        }
        int months = ordered[0].Months;
        int cells = ordered[0].Sketches.Count;
        var tree = new DyadicMomentTree(cells, ordered[0].FirstBlock);
        var sketches = new QuantileSketch[cells];
        for (int i = 0; i < cells; i++)
        {
            sketches[i] = new QuantileSketch();
        }
        long runs = 0;
        long end = ordered[0].FirstBlock;
        foreach (var part in ordered)
        {
            if (part.Months != months || part.Sketches.Count != cells)
            {
                throw new ArgumentException("states with different horizons or outputs cannot be combined");
            }
            if (part.FirstBlock != end)
            {
                throw new ArgumentException(part.FirstBlock > end
                    ? $"blocks {end} to {part.FirstBlock - 1} are missing"
                    : $"blocks {part.FirstBlock} to {Math.Min(end, part.EndBlock) - 1} are given twice");
            }
            foreach (var node in part.Nodes)
            {
                tree.Push(node);
            }
            if (tree.EndBlock != part.EndBlock)
            {
                throw new ArgumentException($"a state claims blocks up to {part.EndBlock} but its moments end at {tree.EndBlock}");
            }
            for (int i = 0; i < cells; i++)
            {
                sketches[i].Merge(QuantileSketch.Import(part.Sketches[i]));
            }
            runs += part.Runs;
            end = part.EndBlock;
        }
        return new SummaryState(months, ordered[0].FirstBlock, end, runs, [.. tree.Nodes], sketches.Select(s => s.Export()).ToArray());
    }
}
