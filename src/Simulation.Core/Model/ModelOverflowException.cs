namespace Simulation.Core.Model;

/// <summary>
/// A run reached numbers the model cannot represent faithfully (a stock beyond 10^15 workers, infinite or
/// undefined money or hazard). Raised instead of letting NaN, infinities or wrapped-around negative stocks
/// into the results.
/// </summary>
public sealed class ModelOverflowException(long run, int month, string message)
    : Exception($"run {run}, month {month}: {message}")
{
    /// <summary>The run where it happened.</summary>
    public long Run { get; } = run;

    /// <summary>The month index where it happened.</summary>
    public int Month { get; } = month;
}
