namespace Simulation.Core.Summaries;

/// <summary>
/// Exceedance probabilities P(X &gt; x) read from a <see cref="QuantileSketch"/>. Runs where the value is missing (a
/// censored metric: the event did not happen) count as not exceeding, so the denominator is every run.
/// </summary>
/// <remarks>
/// The sketch knows each value to within its bucket (a relative width of 1/128), so a probability is exact when the
/// threshold falls between buckets and otherwise interpolated linearly within the one bucket that straddles it; the
/// range that bucket leaves open is reported beside the estimate, so that no more precision is claimed than exists.
/// </remarks>
public static class Exceedance
{
    /// <summary>
    /// P(X &gt; <paramref name="threshold"/>) among <paramref name="runs"/> runs whose observed values are in
    /// <paramref name="sketch"/>. With <paramref name="wholeNumbers"/> (counts, months) the question is asked halfway
    /// to the next whole number, which leaves a value equal to the threshold out however the buckets fall.
    /// </summary>
    /// <remarks>
    /// <paramref name="min"/> and <paramref name="max"/>, the exact extremes of the values, narrow the buckets at the
    /// ends: a threshold at or above the largest value is exceeded by no run, below the smallest by every run with a
    /// value, however wide their buckets (a metric that sits on one value is answered exactly).
    /// </remarks>
    public static ExceedanceProbability Above(QuantileSketch sketch, double threshold, long runs, bool wholeNumbers = false,
        double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        double asked = threshold;
        if (wholeNumbers)
        {
            threshold = Math.Floor(threshold) + 0.5;
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, sketch.Count);
        if (runs == 0)
        {
            return new ExceedanceProbability(asked, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }
        long surely = 0;
        long straddling = 0;
        double fraction = 0;
        foreach (var (bucketLower, bucketUpper, count) in sketch.Buckets())
        {
            double lower = Math.Max(bucketLower, min);
            double upper = Math.Min(bucketUpper, max);
            if (lower > threshold)
            {
                surely += count;
            }
            else if (upper > threshold && upper > lower)
            {
                straddling += count;
                fraction = (upper - threshold) / (upper - lower);
            }
        }
        double p = (surely + fraction * straddling) / runs;
        return new ExceedanceProbability(asked, p, (double)surely / runs, (double)(surely + straddling) / runs, Math.Sqrt(p * (1 - p) / runs), runs);
    }

    /// <summary>P(X &gt; <paramref name="threshold"/>) from <paramref name="count"/> exceedances counted exactly in <paramref name="runs"/> runs.</summary>
    public static ExceedanceProbability Counted(double threshold, long count, long runs)
    {
        double p = runs > 0 ? (double)count / runs : double.NaN;
        return new ExceedanceProbability(threshold, p, p, p, Math.Sqrt(p * (1 - p) / runs), runs) { Exact = true };
    }

    /// <summary>
    /// The complementary distribution function as steps: at each bucket's lower edge x, the share of runs with values
    /// at or above x (so just below x, P(X &gt; x - 0)), in ascending x. Empty when no run has a value.
    /// </summary>
    public static IReadOnlyList<(double Value, double Probability)> Curve(QuantileSketch sketch, long runs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, sketch.Count);
        var buckets = sketch.Buckets();
        var points = new List<(double, double)>(buckets.Count);
        long atOrAbove = sketch.Count;
        foreach (var (lower, _, count) in buckets)
        {
            points.Add((lower, (double)atOrAbove / runs));
            atOrAbove -= count;
        }
        return points;
    }
}
