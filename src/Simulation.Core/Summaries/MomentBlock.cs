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
    /// Adds values that contain no NaN, four lanes at a time: lane j takes values j, j + 4, j + 8, ..., and the lanes
    /// are combined in a fixed order, so the sums are the same on every machine and for any thread count; they differ
    /// from <see cref="AddMany"/>'s only in the order of additions.
    /// </summary>
    /// <remarks>
    /// The four lanes are one <see cref="Vector256{T}"/> where the hardware has it, else two <see cref="Vector128{T}"/>
    /// halves (SSE2, on every x86-64 and Arm64): the same operations on the same lanes, so the same bits. A native
    /// binary built for baseline x86-64 would otherwise emulate <see cref="Vector256{T}"/> in software, at about three
    /// times the instructions (benchmarks/README.md, "Speed III").
    /// </remarks>
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
        var lanes = Vector256.IsHardwareAccelerated
            ? LanesWide(values, _shift[cell], _min[cell], _max[cell])
            : LanesNarrow(values, _shift[cell], _min[cell], _max[cell]);
        double scalarSum = (lanes.Sum[0] + lanes.Sum[1]) + (lanes.Sum[2] + lanes.Sum[3]);
        double scalarSquares = (lanes.SumSquares[0] + lanes.SumSquares[1]) + (lanes.SumSquares[2] + lanes.SumSquares[3]);
        double scalarMin = Math.Min(Math.Min(lanes.Min[0], lanes.Min[1]), Math.Min(lanes.Min[2], lanes.Min[3]));
        double scalarMax = Math.Max(Math.Max(lanes.Max[0], lanes.Max[1]), Math.Max(lanes.Max[2], lanes.Max[3]));
        double s0 = _shift[cell];
        for (int i = values.Length & ~3; i < values.Length; i++)
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

    /// <summary>The four lanes' sums, sums of squares, minima and maxima over the whole groups of four values.</summary>
    internal readonly record struct LaneMoments(Vector256<double> Sum, Vector256<double> SumSquares, Vector256<double> Min, Vector256<double> Max);

    /// <remarks>
    /// As <see cref="LanesNarrow"/>, the minimum and maximum are the processor's own (vminpd and vmaxpd) with the zeros'
    /// signs settled after the loop: AVX2 has no IEEE 754 minimum either, and <see cref="Vector256.Min{T}"/> costs
    /// several instructions more per value (NaN cannot occur here).
    /// </remarks>
    internal static LaneMoments LanesWide(ReadOnlySpan<double> values, double shiftValue, double minValue, double maxValue)
    {
        var shift = Vector256.Create(shiftValue);
        var sum = Vector256<double>.Zero;
        var sumSquares = Vector256<double>.Zero;
        var min = Vector256.Create(minValue);
        var max = Vector256.Create(maxValue);
        // Sign bit set where a lane saw -0 (negativeZeros) or +0 (positiveZeros), starting from the cell's min and max.
        var negativeZeros = min & Vector256.Equals(min, Vector256<double>.Zero);
        var positiveZeros = Vector256.AndNot(Vector256.Equals(max, Vector256<double>.Zero), max);
        for (int i = 0; i <= values.Length - 4; i += 4)
        {
            var value = Vector256.Create(values.Slice(i, 4));
            var deviation = value - shift;
            sum += deviation;
            sumSquares += deviation * deviation;
            min = Vector256.MinNative(min, value);
            max = Vector256.MaxNative(max, value);
            var zero = Vector256.Equals(value, Vector256<double>.Zero);
            negativeZeros |= value & zero;
            positiveZeros |= Vector256.AndNot(zero, value);
        }
        return new LaneMoments(sum, sumSquares,
            Vector256.Create(SignedZero(min.GetLower(), negativeZeros.GetLower(), negative: true), SignedZero(min.GetUpper(), negativeZeros.GetUpper(), negative: true)),
            Vector256.Create(SignedZero(max.GetLower(), positiveZeros.GetLower(), negative: false), SignedZero(max.GetUpper(), positiveZeros.GetUpper(), negative: false)));
    }

    /// <remarks>
    /// SSE2 has no IEEE 754 minimum: <see cref="Vector128.Min{T}"/> spends about 17 instructions on each to order
    /// -0 below +0 (NaN cannot occur here). The native minpd and maxpd differ from it only when the result is a
    /// zero, so the lanes keep min and max natively and note which zeros they saw: a lane whose minimum is a zero
    /// takes -0 if it saw one, a lane whose maximum is a zero takes +0 if it saw one, as IEEE's minimum and maximum do.
    /// </remarks>
    internal static LaneMoments LanesNarrow(ReadOnlySpan<double> values, double shiftValue, double minValue, double maxValue)
    {
        var shift = Vector128.Create(shiftValue);
        Vector128<double> sumLow = Vector128<double>.Zero, sumHigh = Vector128<double>.Zero;
        Vector128<double> squaresLow = Vector128<double>.Zero, squaresHigh = Vector128<double>.Zero;
        Vector128<double> minLow = Vector128.Create(minValue), minHigh = minLow;
        Vector128<double> maxLow = Vector128.Create(maxValue), maxHigh = maxLow;
        // Sign bit set where a lane saw -0 (negativeZeros) or +0 (positiveZeros), starting from the cell's min and max.
        Vector128<double> negativeZeros = minLow & Vector128.Equals(minLow, Vector128<double>.Zero);
        Vector128<double> positiveZeros = Vector128.AndNot(Vector128.Equals(maxLow, Vector128<double>.Zero), maxLow);
        Vector128<double> negativeZerosHigh = negativeZeros, positiveZerosHigh = positiveZeros;
        for (int i = 0; i <= values.Length - 4; i += 4)
        {
            var low = Vector128.Create(values.Slice(i, 2));
            var high = Vector128.Create(values.Slice(i + 2, 2));
            var deviationLow = low - shift;
            var deviationHigh = high - shift;
            sumLow += deviationLow;
            sumHigh += deviationHigh;
            squaresLow += deviationLow * deviationLow;
            squaresHigh += deviationHigh * deviationHigh;
            minLow = Vector128.MinNative(minLow, low);
            minHigh = Vector128.MinNative(minHigh, high);
            maxLow = Vector128.MaxNative(maxLow, low);
            maxHigh = Vector128.MaxNative(maxHigh, high);
            var zeroLow = Vector128.Equals(low, Vector128<double>.Zero);
            var zeroHigh = Vector128.Equals(high, Vector128<double>.Zero);
            negativeZeros |= low & zeroLow;
            negativeZerosHigh |= high & zeroHigh;
            positiveZeros |= Vector128.AndNot(zeroLow, low);
            positiveZerosHigh |= Vector128.AndNot(zeroHigh, high);
        }
        return new LaneMoments(Vector256.Create(sumLow, sumHigh), Vector256.Create(squaresLow, squaresHigh),
            Vector256.Create(SignedZero(minLow, negativeZeros, negative: true), SignedZero(minHigh, negativeZerosHigh, negative: true)),
            Vector256.Create(SignedZero(maxLow, positiveZeros, negative: false), SignedZero(maxHigh, positiveZerosHigh, negative: false)));
    }

    /// <summary>
    /// The lanes of <paramref name="extreme"/>, with a zero given the sign IEEE's minimum (<paramref name="negative"/>)
    /// or maximum gives it: -0 (or +0) where <paramref name="seen"/>'s sign bit says the lane met one.
    /// </summary>
    private static Vector128<double> SignedZero(Vector128<double> extreme, Vector128<double> seen, bool negative)
    {
        var signBit = Vector128.Create(-0.0);
        var zero = Vector128.Equals(extreme, Vector128<double>.Zero);
        // Compared as integers: as doubles, +0 equals -0.
        var sawIt = Vector128.Equals((seen & signBit).AsUInt64(), signBit.AsUInt64()).AsDouble();
        var sign = negative ? sawIt & signBit : Vector128.AndNot(signBit, sawIt);
        return Vector128.ConditionalSelect(zero, sign, extreme);
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

    /// <summary>Makes cell <paramref name="to"/> hold what cell <paramref name="from"/> holds (a series that copies another).</summary>
    public void CopyCell(int from, int to)
    {
        _count[to] = _count[from];
        _shift[to] = _shift[from];
        _sum[to] = _sum[from];
        _sumSquares[to] = _sumSquares[from];
        _min[to] = _min[from];
        _max[to] = _max[from];
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
