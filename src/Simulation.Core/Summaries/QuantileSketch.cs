using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simulation.Core.Summaries;

/// <summary>
/// A mergeable quantile sketch with bounded memory and a relative-error guarantee, in the spirit of
/// DDSketch (Masson, Rim and Lee, VLDB 2019) and HdrHistogram: values are counted in logarithmic buckets,
/// 128 per factor of 2. A bucket's key is the top 18 bits of the IEEE 754 representation of |x|
/// (exponent and 7 mantissa bits), so inserting costs one shift and one increment, no logarithm.
/// </summary>
/// <remarks>
/// <para>Error bound: a reported quantile q and the true sample quantile x of the same rank satisfy
/// q &lt;= x &lt; q * (1 + 1/128) for positive values, i.e. a relative error below 0.79%, as long as the
/// values span less than a factor of 2^64 (larger spans fold the smallest values together). Whole numbers
/// below 128 are reported exactly. Zero is counted exactly.</para>
/// <para>Memory: at most 2 * 8,192 counters, independent of how many values are added. Merging adds
/// counts, so the result does not depend on the order of merges. Not thread safe: use one per thread and
/// merge.</para>
/// </remarks>
public sealed class QuantileSketch
{
    private const int KeyShift = 52 - 7;

    private readonly BucketStore _positive = new();
    private readonly BucketStore _negative = new();
    private long _zeroCount;

    /// <summary>Number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>The worst relative error of a reported quantile: 1/128.</summary>
    public static double RelativeAccuracy => 1.0 / 128;

    /// <summary>Adds a value (finite; NaN is ignored by the caller's contract and must not be passed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        Count++;
        if (value > 0)
        {
            _positive.Add(KeyOf(value));
        }
        else if (value < 0)
        {
            _negative.Add(KeyOf(-value));
        }
        else
        {
            _zeroCount++;
        }
    }

    /// <summary>Adds each value, skipping NaN (a censored metric's missing value).</summary>
    public void AddMany(ReadOnlySpan<double> values)
    {
        int done = Vector256.IsHardwareAccelerated ? AddFours(values) : 0;
        AddEach(values[done..]);
    }

    /// <summary>
    /// Adds the values four at a time while each four are zeros or positives inside the buckets already held (the
    /// common case: a sketch's range settles within its first runs); any other four go through <see cref="AddEach"/>,
    /// in order, so the buckets grow exactly as one by one. Returns how many values it took.
    /// </summary>
    private int AddFours(ReadOnlySpan<double> values)
    {
        long[] counts = _positive.Counts;
        var firstKey = Vector256.Create((long)_positive.FirstKey);
        var length = Vector256.Create((ulong)counts.Length);
        long zeros = 0, added = 0;
        int i = 0;
        for (; i + 4 <= values.Length; i += 4)
        {
            var four = Vector256.Create(values.Slice(i, 4));
            // A logical shift (x86-64-v3 has no 64-bit arithmetic one): the lanes it would differ in are negatives, never counted here.
            var index = (four.AsUInt64() >> KeyShift).AsInt64() - firstKey;
            var counted = Vector256.GreaterThan(four, Vector256<double>.Zero).AsInt64() & Vector256.LessThan(index.AsUInt64(), length).AsInt64();
            var zero = Vector256.Equals(four, Vector256<double>.Zero).AsInt64();
            if ((counted | zero) != Vector256<long>.AllBitsSet)
            {
                AddEach(values.Slice(i, 4));
                counts = _positive.Counts;
                firstKey = Vector256.Create((long)_positive.FirstKey);
                length = Vector256.Create((ulong)counts.Length);
                continue;
            }
            if (zero == Vector256<long>.Zero)
            {
                counts[(int)index.GetElement(0)]++;
                counts[(int)index.GetElement(1)]++;
                counts[(int)index.GetElement(2)]++;
                counts[(int)index.GetElement(3)]++;
            }
            else
            {
                zeros += BitOperations.PopCount(zero.ExtractMostSignificantBits());
                for (int lane = 0; lane < 4; lane++)
                {
                    if (counted.GetElement(lane) != 0)
                    {
                        counts[(int)index.GetElement(lane)]++;
                    }
                }
            }
            added += 4;
        }
        _zeroCount += zeros;
        Count += added;
        return i;
    }

    private void AddEach(ReadOnlySpan<double> values)
    {
        long added = 0;
        long zeros = 0;
        // Hoisted so that the common case is one shift, one subtraction and one increment per value.
        long[] counts = _positive.Counts;
        int firstKey = _positive.FirstKey;
        foreach (double value in values)
        {
            if (value > 0)
            {
                int index = KeyOf(value) - firstKey;
                if ((uint)index < (uint)counts.Length)
                {
                    counts[index]++;
                }
                else
                {
                    _positive.Add(KeyOf(value));
                    counts = _positive.Counts;
                    firstKey = _positive.FirstKey;
                }
            }
            else if (value < 0)
            {
                _negative.Add(KeyOf(-value));
            }
            else if (value == 0)
            {
                zeros++;
            }
            else
            {
                continue; // NaN
            }
            added++;
        }
        _zeroCount += zeros;
        Count += added;
    }

    /// <summary>Adds <paramref name="value"/> <paramref name="times"/> times.</summary>
    public void AddRepeated(double value, long times)
    {
        if (times <= 0)
        {
            return;
        }
        Count += times;
        if (value > 0)
        {
            _positive.Add(KeyOf(value), times);
        }
        else if (value < 0)
        {
            _negative.Add(KeyOf(-value), times);
        }
        else
        {
            _zeroCount += times;
        }
    }

    /// <summary>Adds every value of <paramref name="other"/> to this sketch.</summary>
    public void Merge(QuantileSketch other)
    {
        _positive.Merge(other._positive);
        _negative.Merge(other._negative);
        _zeroCount += other._zeroCount;
        Count += other.Count;
    }

    /// <summary>
    /// The value of nearest rank ceil(p n) (1-based) among the n values added, within the relative error
    /// bound; NaN when empty. <paramref name="p"/> in [0, 1].
    /// </summary>
    public double Quantile(double p)
    {
        if (Count == 0)
        {
            return double.NaN;
        }
        long rank = Math.Clamp((long)Math.Ceiling(p * Count) - 1, 0, Count - 1);
        long seen = 0;
        for (int i = _negative.Length - 1; i >= 0; i--)
        {
            seen += _negative.CountAt(i);
            if (seen > rank)
            {
                return -LowerBound(_negative.FirstKey + i);
            }
        }
        seen += _zeroCount;
        if (seen > rank)
        {
            return 0;
        }
        for (int i = 0; i < _positive.Length; i++)
        {
            seen += _positive.CountAt(i);
            if (seen > rank)
            {
                return LowerBound(_positive.FirstKey + i);
            }
        }
        return LowerBound(_positive.FirstKey + _positive.Length - 1);
    }

    /// <summary>Every non-empty bucket in ascending order of value, as (lower edge, upper edge, count); zero is a bucket of width 0.</summary>
    public IReadOnlyList<(double Lower, double Upper, long Count)> Buckets()
    {
        var buckets = new List<(double, double, long)>();
        for (int i = _negative.Length - 1; i >= 0; i--)
        {
            long c = _negative.CountAt(i);
            if (c != 0)
            {
                int key = _negative.FirstKey + i;
                buckets.Add((-LowerBound(key + 1), -LowerBound(key), c));
            }
        }
        if (_zeroCount != 0)
        {
            buckets.Add((0, 0, _zeroCount));
        }
        for (int i = 0; i < _positive.Length; i++)
        {
            long c = _positive.CountAt(i);
            if (c != 0)
            {
                int key = _positive.FirstKey + i;
                buckets.Add((LowerBound(key), LowerBound(key + 1), c));
            }
        }
        return buckets;
    }

    /// <summary>The sketch's complete state.</summary>
    public SketchData Export()
    {
        var (positiveFirst, positive) = _positive.Export();
        var (negativeFirst, negative) = _negative.Export();
        return new SketchData(_zeroCount, positiveFirst, positive, negativeFirst, negative);
    }

    /// <summary>A sketch with the values of <paramref name="data"/>.</summary>
    public static QuantileSketch Import(SketchData data)
    {
        if (data.ZeroCount < 0)
        {
            throw new ArgumentException("the zero count cannot be negative");
        }
        var sketch = new QuantileSketch();
        sketch._positive.Import(data.PositiveFirstKey, data.PositiveCounts);
        sketch._negative.Import(data.NegativeFirstKey, data.NegativeCounts);
        sketch._zeroCount = data.ZeroCount;
        sketch.Count = data.Count;
        return sketch;
    }

    /// <summary>Removes every value, keeping the allocated buckets.</summary>
    public void Clear()
    {
        _positive.Clear();
        _negative.Clear();
        _zeroCount = 0;
        Count = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int KeyOf(double magnitude) => (int)(BitConverter.DoubleToInt64Bits(magnitude) >> KeyShift);

    private static double LowerBound(int key) => BitConverter.Int64BitsToDouble((long)key << KeyShift);
}
