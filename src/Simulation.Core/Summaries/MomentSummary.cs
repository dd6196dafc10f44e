namespace Simulation.Core.Summaries;

/// <summary>
/// Count, mean, sum of squared deviations and extremes of a set of values; merged with the pairwise update
/// of Chan, Golub and LeVeque ("Algorithms for computing the sample variance", 1983). Merging in a fixed
/// order gives bit-identical results.
/// </summary>
public readonly record struct MomentSummary(long Count, double Mean, double SumSquaredDeviations, double Min, double Max)
{
    /// <summary>No values.</summary>
    public static MomentSummary Empty => new(0, 0, 0, double.PositiveInfinity, double.NegativeInfinity);

    /// <summary>Sample standard deviation (n - 1 in the denominator); 0 for fewer than two values.</summary>
    public double StandardDeviation => Count > 1 ? Math.Sqrt(Math.Max(0, SumSquaredDeviations) / (Count - 1)) : 0;

    /// <summary>Standard error of the mean.</summary>
    public double StandardError => Count > 0 ? StandardDeviation / Math.Sqrt(Count) : 0;

    /// <summary>This set followed by <paramref name="other"/>.</summary>
    public MomentSummary Merge(in MomentSummary other)
    {
        if (other.Count == 0)
        {
            return this;
        }
        if (Count == 0)
        {
            return other;
        }
        long count = Count + other.Count;
        double delta = other.Mean - Mean;
        double mean = Mean + delta * ((double)other.Count / count);
        double m2 = SumSquaredDeviations + other.SumSquaredDeviations + delta * delta * ((double)Count * other.Count / count);
        return new MomentSummary(count, mean, m2, Math.Min(Min, other.Min), Math.Max(Max, other.Max));
    }
}
