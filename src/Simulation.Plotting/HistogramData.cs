using Simulation.Core.Summaries;

namespace Simulation.Plotting;

/// <summary>
/// The numbers behind a histogram, built from a metric's quantile sketch (no per-run data needed): equal
/// bins between the 0.5th and 99.5th percentiles, each sketch bucket counted in the bin holding its
/// lower edge (buckets are under 1% wide, far narrower than a bin).
/// </summary>
public sealed record HistogramData(double[] BinLefts, double BinWidth, double[] Counts, long Total)
{
    /// <summary>Share of values to the right of the last bin.</summary>
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

    /// <summary>Bins <paramref name="sketch"/> into <paramref name="bins"/> equal bins.</summary>
    public static HistogramData From(QuantileSketch sketch, double min, double max, int bins = 40)
    {
        double low = Math.Max(min, sketch.Quantile(0.005));
        double high = Math.Min(max, sketch.Quantile(0.995));
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
        var lefts = new double[bins];
        var counts = new double[bins];
        for (int i = 0; i < bins; i++)
        {
            lefts[i] = low + i * width;
        }
        foreach (var (lower, _, count) in sketch.Buckets())
        {
            int bin = (int)Math.Floor((lower - low) / width);
            // The far tail beyond the last bin is left out rather than piled into it; OutsideShare tells how much.
            if (bin < bins)
            {
                counts[Math.Max(bin, 0)] += count;
            }
        }
        return new HistogramData(lefts, width, counts, sketch.Count);
    }
}
