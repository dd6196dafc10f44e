using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Merges the moments of blocks of runs strictly in block order, whichever thread finishes first, so the
/// floating-point sums (and so summary.json) are bit-identical for any thread count. Blocks that arrive
/// early wait; with dynamic scheduling that is at most about one block per thread.
/// </summary>
internal sealed class OrderedMomentMerger
{
    private readonly object _gate = new();
    private readonly Dictionary<long, MomentBlock> _waiting = [];
    private readonly Stack<MomentBlock> _free = new();
    private readonly MomentSummary[] _total;
    private readonly int _cells;
    private long _nextBlock;

    public OrderedMomentMerger(int cells)
    {
        _cells = cells;
        _total = new MomentSummary[cells];
        Array.Fill(_total, MomentSummary.Empty);
    }

    public MomentSummary[] Total => _total;

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
            while (_waiting.Remove(_nextBlock, out var next))
            {
                for (int cell = 0; cell < _cells; cell++)
                {
                    _total[cell] = _total[cell].Merge(next.Summary(cell));
                }
                _free.Push(next);
                _nextBlock++;
            }
        }
    }
}
