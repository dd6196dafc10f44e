using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Hands the moments of blocks of runs to a <see cref="DyadicMomentTree"/> strictly in block order, whichever
/// thread finishes first, so the floating-point sums (and so summary.json) are bit-identical for any thread
/// count, shard split or resumption. Blocks that arrive early wait; with dynamic scheduling that is at most
/// about one block per thread.
/// </summary>
internal sealed class OrderedMomentMerger
{
    private readonly object _gate = new();
    private readonly Dictionary<long, MomentBlock> _waiting = [];
    private readonly Stack<MomentBlock> _free = new();
    private readonly DyadicMomentTree _tree;
    private readonly int _cells;

    public OrderedMomentMerger(int cells, long firstBlock = 0)
    {
        _cells = cells;
        _tree = new DyadicMomentTree(cells, firstBlock);
    }

    public OrderedMomentMerger(DyadicMomentTree tree)
    {
        _cells = tree.Cells;
        _tree = tree;
    }

    /// <summary>The merged moments of every block completed so far.</summary>
    public MomentSummary[] Total
    {
        get
        {
            lock (_gate)
            {
                return _tree.Total();
            }
        }
    }

    /// <summary>The tree, for saving; read it only when no block is running.</summary>
    public DyadicMomentTree Tree => _tree;

    public MomentBlock Rent()
    {
        lock (_gate)
        {
            if (_free.TryPop(out var block))
            {
                block.Clear();
                return block;
            }
        }
        return new MomentBlock(_cells);
    }

    public void Complete(long blockIndex, MomentBlock block)
    {
        lock (_gate)
        {
            _waiting.Add(blockIndex, block);
            while (_waiting.Remove(_tree.EndBlock, out var next))
            {
                var cells = new MomentSummary[_cells];
                for (int cell = 0; cell < _cells; cell++)
                {
                    cells[cell] = next.Summary(cell);
                }
                _free.Push(next);
                _tree.PushBlock(_tree.EndBlock, cells);
            }
        }
    }
}
