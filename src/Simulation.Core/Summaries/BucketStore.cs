using System.Runtime.CompilerServices;

namespace Simulation.Core.Summaries;

/// <summary>
/// Dense counts over a contiguous range of integer bucket keys, growing as keys arrive and capped at
/// <see cref="MaxBuckets"/>: beyond the cap, the lowest keys are folded into the lowest bucket kept
/// (the collapsing rule of DDSketch, Masson, Rim and Lee, VLDB 2019), so memory never grows with the
/// number of values.
/// </summary>
internal sealed class BucketStore
{
    /// <summary>At 128 buckets per factor of 2 this spans a factor of 2^64 between the smallest and largest value kept exactly.</summary>
    public const int MaxBuckets = 8192;

    private long[] _counts = [];
    private int _firstKey;

    public bool IsEmpty => _counts.Length == 0;

    /// <summary>The counts, for callers that hoist them out of a loop; index = key - <see cref="FirstKey"/>.</summary>
    public long[] Counts => _counts;

    public int FirstKey => _firstKey;

    public int Length => _counts.Length;

    public long CountAt(int index) => _counts[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int key, long count = 1)
    {
        int index = key - _firstKey;
        if ((uint)index < (uint)_counts.Length)
        {
            _counts[index] += count;
            return;
        }
        AddOutOfRange(key, count);
    }

    public void Merge(BucketStore other)
    {
        for (int i = 0; i < other._counts.Length; i++)
        {
            if (other._counts[i] != 0)
            {
                Add(other._firstKey + i, other._counts[i]);
            }
        }
    }

    public void Clear()
    {
        Array.Clear(_counts);
    }

    /// <summary>The non-empty range of counts, trimmed of empty buckets at both ends.</summary>
    public (int FirstKey, long[] Counts) Export()
    {
        int start = 0;
        int end = _counts.Length;
        while (start < end && _counts[start] == 0) start++;
        while (end > start && _counts[end - 1] == 0) end--;
        return (_firstKey + start, _counts[start..end]);
    }

    /// <summary>Adds exported counts.</summary>
    public void Import(int firstKey, long[] counts)
    {
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentException("bucket counts cannot be negative");
            }
            if (counts[i] != 0)
            {
                Add(firstKey + i, counts[i]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddOutOfRange(int key, long count)
    {
        if (_counts.Length == 0)
        {
            _counts = new long[64];
            _firstKey = key - 32;
            _counts[key - _firstKey] += count;
            return;
        }
        int lastKey = _firstKey + _counts.Length - 1;
        if (key < _firstKey && lastKey - key >= MaxBuckets)
        {
            // Too far below the range: fold into the lowest bucket the cap allows.
            int lowestKept = lastKey - MaxBuckets + 1;
            Resize(lowestKept, lastKey);
            _counts[0] += count;
            return;
        }
        int newFirst = Math.Min(key, _firstKey);
        int newLast = Math.Max(key, lastKey);
        if (newLast - newFirst + 1 > MaxBuckets)
        {
            // Only reached when the new key is above the range: keep the top, fold the bottom.
            newFirst = newLast - MaxBuckets + 1;
        }
        else
        {
            // Grow with slack on the side that grew, so a drifting range reallocates O(log) times; slack never folds data.
            int room = MaxBuckets - (newLast - newFirst + 1);
            int slack = Math.Min(room, Math.Max(32, (newLast - newFirst + 1) / 2));
            if (key < _firstKey)
            {
                newFirst -= slack;
            }
            else
            {
                newLast += slack;
            }
        }
        Resize(newFirst, newLast);
        Add(Math.Max(key, _firstKey), count);
    }

    private void Resize(int newFirst, int newLast)
    {
        var counts = new long[newLast - newFirst + 1];
        for (int i = 0; i < _counts.Length; i++)
        {
            long c = _counts[i];
            if (c == 0)
            {
                continue;
            }
            int target = Math.Clamp(_firstKey + i - newFirst, 0, counts.Length - 1);
            counts[target] += c;
        }
        _counts = counts;
        _firstKey = newFirst;
    }
}
