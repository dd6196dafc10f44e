namespace Simulation.Core.Summaries;

/// <summary>
/// The summary of one metric, or of one series in one month, over the runs: moments are exact, percentiles
/// come from a <see cref="QuantileSketch"/> (relative error below 1/128) clamped to the exact extremes.
/// All values are NaN when <see cref="Count"/> is 0.
/// </summary>
public sealed record SummaryStatistics(
    long Count,
    double Mean,
    double Sd,
    double Se,
    double Min,
    double P5,
    double P10,
    double P25,
    double P50,
    double P75,
    double P90,
    double P95,
    double Max)
{
    /// <summary>The percentiles reported, in order, with their labels.</summary>
    public static readonly (string Label, double Probability)[] Percentiles =
        [("p5", 0.05), ("p10", 0.10), ("p25", 0.25), ("p50", 0.50), ("p75", 0.75), ("p90", 0.90), ("p95", 0.95)];

    /// <summary>Combines exact moments with a sketch of the same values.</summary>
    public static SummaryStatistics From(in MomentSummary moments, QuantileSketch sketch)
    {
        if (moments.Count == 0)
        {
            return new SummaryStatistics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
                double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        double min = moments.Min;
        double max = moments.Max;
        double Q(double p) => Math.Clamp(sketch.Quantile(p), min, max);
        return new SummaryStatistics(moments.Count, moments.Mean, moments.StandardDeviation, moments.StandardError,
            min, Q(0.05), Q(0.10), Q(0.25), Q(0.50), Q(0.75), Q(0.90), Q(0.95), max);
    }

    /// <summary>The value for a label of <see cref="Percentiles"/>.</summary>
    public double Percentile(string label) => label switch
    {
        "p5" => P5,
        "p10" => P10,
        "p25" => P25,
        "p50" => P50,
        "p75" => P75,
        "p90" => P90,
        "p95" => P95,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "not a reported percentile"),
    };
}
