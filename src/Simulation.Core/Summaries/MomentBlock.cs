using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simulation.Core.Summaries;

/// <summary>
/// Moments of many cells (one per series and month, one per metric) over one block of runs, accumulated as
/// sums of deviations from the first value seen in each cell (the shifted-data algorithm), which keeps the
/// variance exact when all values are equal and accurate when the mean is large.
/// </summary>
internal sealed class MomentBlock
{
    private readonly long[] _count;
    private readonly double[] _shift;
    private readonly double[] _sum;
    private readonly double[] _sumSquares;
    private readonly double[] _min;
    private readonly double[] _max;

    public MomentBlock(int cells)
    {
        _count = new long[cells];
        _shift = new double[cells];
        _sum = new double[cells];
        _sumSquares = new double[cells];
        _min = new double[cells];
        _max = new double[cells];
    }

    public int Cells => _count.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int cell, double value)
    {
        long count = _count[cell];
        if (count == 0)
        {
            _shift[cell] = value;
            _min[cell] = value;
            _max[cell] = value;
        }
        double deviation = value - _shift[cell];
        _sum[cell] += deviation;
        _sumSquares[cell] += deviation * deviation;
        _min[cell] = Math.Min(_min[cell], value);
        _max[cell] = Math.Max(_max[cell], value);
        _count[cell] = count + 1;
    }

    /// <summary>
    /// Adds values that contain no NaN, four lanes at a time. <see cref="Vector256{T}"/> has four lanes on every
    /// machine (emulated where the hardware lacks it) and the lanes are combined in a fixed order, so the sums
    /// are the same everywhere and for any thread count; they differ from <see cref="AddMany"/>'s only in the
    /// order of additions.
    /// </summary>
    public void AddManyFinite(int cell, ReadOnlySpan<double> values)
    {
        if (values.Length < 8)
        {
            AddMany(cell, values);
            return;
        }
        long count = _count[cell];
        if (count == 0)
        {
            _shift[cell] = values[0];
            _min[cell] = values[0];
            _max[cell] = values[0];
        }
        var shift = Vector256.Create(_shift[cell]);
        var sum = Vector256<double>.Zero;
        var sumSquares = Vector256<double>.Zero;
        var min = Vector256.Create(_min[cell]);
        var max = Vector256.Create(_max[cell]);
        int i = 0;
        for (; i <= values.Length - 4; i += 4)
        {
            var value = Vector256.Create(values.Slice(i, 4));
            var deviation = value - shift;
            sum += deviation;
            sumSquares += deviation * deviation;
            min = Vector256.Min(min, value);
            max = Vector256.Max(max, value);
        }
        double scalarSum = (sum[0] + sum[1]) + (sum[2] + sum[3]);
        double scalarSquares = (sumSquares[0] + sumSquares[1]) + (sumSquares[2] + sumSquares[3]);
        double scalarMin = Math.Min(Math.Min(min[0], min[1]), Math.Min(min[2], min[3]));
        double scalarMax = Math.Max(Math.Max(max[0], max[1]), Math.Max(max[2], max[3]));
        double s0 = shift[0];
        for (; i < values.Length; i++)
        {
            double deviation = values[i] - s0;
            scalarSum += deviation;
            scalarSquares += deviation * deviation;
            scalarMin = Math.Min(scalarMin, values[i]);
            scalarMax = Math.Max(scalarMax, values[i]);
        }
        _sum[cell] += scalarSum;
        _sumSquares[cell] += scalarSquares;
        _min[cell] = scalarMin;
        _max[cell] = scalarMax;
        _count[cell] = count + values.Length;
    }

    /// <summary>Adds the values in order, skipping NaN (a censored metric's missing value).</summary>
    public void AddMany(int cell, ReadOnlySpan<double> values)
    {
        long count = _count[cell];
        double shift = _shift[cell];
        double sum = _sum[cell];
        double sumSquares = _sumSquares[cell];
        double min = _min[cell];
        double max = _max[cell];
        foreach (double value in values)
        {
            if (double.IsNaN(value))
            {
                continue;
            }
            if (count == 0)
            {
                shift = value;
                min = value;
                max = value;
            }
            double deviation = value - shift;
            sum += deviation;
            sumSquares += deviation * deviation;
            min = value < min ? value : min;
            max = value > max ? value : max;
            count++;
        }
        _count[cell] = count;
        _shift[cell] = shift;
        _sum[cell] = sum;
        _sumSquares[cell] = sumSquares;
        _min[cell] = min;
        _max[cell] = max;
    }

    /// <summary>
    /// Adds <paramref name="count"/> values that are each 0 or 1, <paramref name="ones"/> of them 1, the first being
    /// <paramref name="first"/>. Every sum involved is a small whole number, exact in a double, so this equals
    /// adding the values one by one in any order.
    /// </summary>
    public void AddZeroOne(int cell, long count, long ones, double first)
    {
        if (count == 0)
        {
            return;
        }
        long before = _count[cell];
        if (before == 0)
        {
            _shift[cell] = first;
            _min[cell] = first;
            _max[cell] = first;
        }
        double shift = _shift[cell];
        long zeros = count - ones;
        // Deviations from the shift are 1 - shift for ones and -shift for zeros.
        _sum[cell] += ones * (1 - shift) + zeros * (0 - shift);
        _sumSquares[cell] += ones * (1 - shift) * (1 - shift) + zeros * shift * shift;
        if (zeros > 0) _min[cell] = Math.Min(_min[cell], 0);
        if (ones > 0) _max[cell] = Math.Max(_max[cell], 1);
        if (ones == 0) _max[cell] = Math.Max(_max[cell], 0);
        if (zeros == 0) _min[cell] = Math.Min(_min[cell], 1);
        _count[cell] = before + count;
    }

    public MomentSummary Summary(int cell)
    {
        long n = _count[cell];
        if (n == 0)
        {
            return MomentSummary.Empty;
        }
        double meanDeviation = _sum[cell] / n;
        double m2 = Math.Max(0, _sumSquares[cell] - _sum[cell] * meanDeviation);
        return new MomentSummary(n, _shift[cell] + meanDeviation, m2, _min[cell], _max[cell]);
    }

    public void Clear()
    {
        Array.Clear(_count);
        Array.Clear(_sum);
        Array.Clear(_sumSquares);
    }
}
