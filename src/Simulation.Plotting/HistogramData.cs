using Simulation.Core.Summaries;

namespace Simulation.Plotting;

/// <summary>
/// The numbers behind a histogram, built from a metric's quantile sketch (no per-run data needed): equal
/// bins over a range (by default the 0.5th to 99.5th percentiles), never narrower than the widest sketch bucket in
/// the range (a bucket is 1/128 of its value wide: a narrow distribution, all near 30,000, has buckets of about 230,
/// and bins finer than that drew empty bins beside spikes), each bucket's runs spread over the bins it overlaps.
/// Values beyond either end are left out and counted in <see cref="OutsideShare"/>, never piled into the end bins.
/// </summary>
public sealed record HistogramData(double[] BinLefts, double BinWidth, double[] Counts, long Total)
{
    /// <summary>Share of values beyond the bins, on either side.</summary>
    public double OutsideShare
    {
        get
        {
            double inside = 0;
            foreach (double c in Counts)
            {
                inside += c;
            }
            return Total > 0 ? 1 - inside / Total : 0;
        }
    }

    /// <summary>Bins <paramref name="sketch"/> into <paramref name="bins"/> equal bins between its own 0.5th and 99.5th percentiles.</summary>
    public static HistogramData From(QuantileSketch sketch, double min, double max, int bins = 40)
    {
        var (low, high) = Range([sketch], min, max);
        return Bin(sketch, low, high, bins);
    }

    /// <summary>
    /// The range that holds the 0.5th to 99.5th percentiles of every one of <paramref name="sketches"/> (within
    /// [min, max]): the same range, and so the same bins, for every scenario of a comparison.
    /// </summary>
    public static (double Low, double High) Range(IEnumerable<QuantileSketch> sketches, double min, double max)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var sketch in sketches)
        {
            if (sketch.Count == 0)
            {
                continue;
            }
            low = Math.Min(low, sketch.Quantile(0.005));
            high = Math.Max(high, sketch.Quantile(0.995));
        }
        return (Math.Max(min, low), Math.Min(max, high));
    }

    /// <summary>Bins <paramref name="sketch"/> into equal bins from <paramref name="low"/> to <paramref name="high"/>: the same bins for the same range.</summary>
    public static HistogramData Bin(QuantileSketch sketch, double low, double high, int bins = 40)
    {
        if (!(high > low))
        {
            high = low + 1;
        }
        double width = (high - low) / bins;
        if (Math.Floor(low) == low && Math.Floor(high) == high && high - low <= bins)
        {
            // Whole-number metrics with a small range: one bin per value.
            bins = (int)(high - low) + 1;
            width = 1;
            low -= 0.5;
        }
        else
        {
            // The data are known only to their bucket: a bin narrower than the widest bucket in range shows the
            // buckets' edges, not the distribution.
            double widest = 0;
            foreach (var (lower, upper, _) in sketch.Buckets())
            {
                if (upper >= low && lower <= high)
                {
                    widest = Math.Max(widest, upper - lower);
                }
            }
            if (widest > width)
            {
                bins = Math.Max(1, (int)Math.Floor((high - low) / widest));
                width = (high - low) / bins;
            }
        }
        var lefts = new double[bins];
        var counts = new double[bins];
        for (int i = 0; i < bins; i++)
        {
            lefts[i] = low + i * width;
        }
        double end = low + bins * width;
        foreach (var (lower, upper, count) in sketch.Buckets())
        {
            if (width == 1 || !(upper > lower))
            {
                // One bin per whole number, or a bucket that holds one value: counted where it starts. A bucket's
                // lower edge may sit a rounding error below the first value it holds: it still belongs inside.
                double position = (lower - low) / width;
                int bin = position < 0 && position > -1e-9 ? 0 : (int)Math.Floor(position);
                if (bin >= 0 && bin < bins)
                {
                    counts[bin] += count;
                }
                continue;
            }
            // Spread the bucket's runs evenly over its width; what falls beyond either end stays out (OutsideShare).
            double from = Math.Max(lower, low), to = Math.Min(upper, end);
            for (double x = from; x < to;)
            {
                int bin = Math.Min(bins - 1, (int)Math.Floor((x - low) / width));
                double next = Math.Min(to, low + (bin + 1) * width);
                if (next <= x)
                {
                    break;
                }
                counts[bin] += count * (next - x) / (upper - lower);
                x = next;
            }
        }
        return new HistogramData(lefts, width, counts, sketch.Count);
    }
}
