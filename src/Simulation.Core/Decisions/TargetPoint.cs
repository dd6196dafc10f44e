namespace Simulation.Core.Decisions;

/// <summary>
/// P(condition) at one setting of the lever: <paramref name="Hits"/> of <paramref name="Runs"/> futures meet the
/// condition; <paramref name="Upper"/> is the one-sided upper confidence bound that judges it (the estimate itself
/// when the search judges estimates), and <paramref name="Meets"/> whether that is at most the target.
/// </summary>
public sealed record TargetPoint(double Value, string Phase, int Hits, int Runs, double Upper, bool Meets)
{
    /// <summary>The estimated probability.</summary>
    public double P => (double)Hits / Runs;

    /// <summary>Its binomial standard error.</summary>
    public double Se => Math.Sqrt(P * (1 - P) / Runs);
}
