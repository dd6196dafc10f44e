using System.Runtime.CompilerServices;

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
