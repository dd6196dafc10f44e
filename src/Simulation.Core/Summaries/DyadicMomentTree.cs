namespace Simulation.Core.Summaries;

/// <summary>
/// Merges block moments in one fixed shape, a binary tree over block indices, whoever computes which blocks:
/// blocks are pushed in order and two sibling nodes are merged (left then right) as soon as both exist, like
/// carries in a binary counter. Floating-point merging is not associative, so this fixed shape is what makes a
/// result bit-identical whether it was computed in one process, in shards merged in any order, or resumed from
/// a checkpoint: a shard keeps exactly the tree's nodes that lie inside its range (at most two per level).
/// </summary>
public sealed class DyadicMomentTree
{
    private readonly List<MomentNode> _stack = [];

    /// <summary>An empty tree whose first block will be <paramref name="firstBlock"/>.</summary>
    public DyadicMomentTree(int cells, long firstBlock = 0)
    {
        Cells = cells;
        EndBlock = firstBlock;
    }

    /// <summary>Cells per node.</summary>
    public int Cells { get; }

    /// <summary>One past the last block pushed.</summary>
    public long EndBlock { get; private set; }

    /// <summary>The unmerged nodes, in block order: the canonical cover of the blocks pushed.</summary>
    public IReadOnlyList<MomentNode> Nodes => _stack;

    /// <summary>Adds one block's moments; blocks must arrive in order.</summary>
    public void PushBlock(long block, MomentSummary[] cells) => Push(new MomentNode(0, block, cells));

    /// <summary>Adds a node (a block, or a node taken from a shard or checkpoint); nodes must arrive in block order without gaps.</summary>
    public void Push(MomentNode node)
    {
        if (node.Cells.Length != Cells)
        {
            throw new ArgumentException($"node has {node.Cells.Length} cells, the tree {Cells}");
        }
        if (node.FirstBlock != EndBlock)
        {
            throw new ArgumentException($"node starts at block {node.FirstBlock}, expected {EndBlock}: blocks are missing or repeated");
        }
        _stack.Add(node);
        EndBlock = node.EndBlock;
        while (_stack.Count >= 2)
        {
            var left = _stack[^2];
            var right = _stack[^1];
            if (left.Level != right.Level || left.Index % 2 != 0 || right.Index != left.Index + 1)
            {
                break;
            }
            var merged = new MomentSummary[Cells];
            for (int cell = 0; cell < Cells; cell++)
            {
                merged[cell] = left.Cells[cell].Merge(right.Cells[cell]);
            }
            _stack.RemoveRange(_stack.Count - 2, 2);
            _stack.Add(new MomentNode(left.Level + 1, left.Index / 2, merged));
        }
    }

    /// <summary>The moments over every block pushed: the remaining nodes folded left to right.</summary>
    public MomentSummary[] Total()
    {
        var total = new MomentSummary[Cells];
        Array.Fill(total, MomentSummary.Empty);
        foreach (var node in _stack)
        {
            for (int cell = 0; cell < Cells; cell++)
            {
                total[cell] = total[cell].Merge(node.Cells[cell]);
            }
        }
        return total;
    }
}
