namespace Simulation.Core.Summaries;

/// <summary>
/// P(X &gt; <paramref name="Threshold"/>) over <paramref name="Runs"/> runs: the estimate, the range the sketch's
/// resolution leaves it in (<paramref name="Lower"/> to <paramref name="Upper"/>: the runs in the bucket holding the
/// threshold may lie on either side) and the Monte Carlo standard error sqrt(p (1 - p) / n).
/// </summary>
public readonly record struct ExceedanceProbability(double Threshold, double Probability, double Lower, double Upper, double StandardError, long Runs)
{
    /// <summary>True when the runs above the threshold were counted one by one, not read from the sketch's buckets.</summary>
    public bool Exact { get; init; }
}
