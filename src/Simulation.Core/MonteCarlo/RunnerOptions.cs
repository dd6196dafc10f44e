namespace Simulation.Core.MonteCarlo;

/// <summary>How to run a Monte Carlo simulation. None of these options changes the results.</summary>
public sealed record RunnerOptions
{
    /// <summary>Worker threads (&gt;= 1); default all cores.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Keep every run's sampled inputs and metrics (memory grows with runs).</summary>
    public bool SaveRuns { get; init; }

    /// <summary>Called with the number of runs completed so far, from worker threads, after each block.</summary>
    public Action<long>? Progress { get; init; }

    /// <summary>Stops the run between blocks with <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }
}
