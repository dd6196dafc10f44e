namespace Simulation.Core.MonteCarlo;

/// <summary>How to run a Monte Carlo simulation. None of these options changes the results.</summary>
public sealed record RunnerOptions
{
    /// <summary>Worker threads (&gt;= 1); default all cores.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Keep every run's sampled inputs and metrics (memory grows with runs).</summary>
    public bool SaveRuns { get; init; }

    /// <summary>Keep runs 0 .. N-1 whole, month by month (<see cref="MonteCarloResult.Paths"/>); 0 keeps none.</summary>
    public int KeepPaths { get; init; }

    /// <summary>Called from worker threads after each block with the runs completed so far.</summary>
    public Action<RunProgress>? Progress { get; init; }

    /// <summary>
    /// On cancellation, return a result over the runs completed so far (flagged <see cref="MonteCarloResult.IsPartial"/>)
    /// instead of throwing <see cref="OperationCanceledException"/>.
    /// </summary>
    public bool KeepPartial { get; init; }

    /// <summary>Run until this precision is reached (or its run cap), instead of the scenario's run count.</summary>
    public PrecisionTarget? Precision { get; init; }

    /// <summary>Thresholds whose exceedances are counted exactly in every run (--threshold), for <see cref="MonteCarloResult.Exceeds"/>.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Stops the run between blocks with <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// The windows (the record's observations) whose values to keep for runs 0 .. <see cref="RecordRuns"/> - 1, taken
    /// from the main pass (<see cref="MonteCarloResult.RecordValues"/>) instead of running those runs again.
    /// </summary>
    public SeriesWindows? Record { get; init; }

    /// <summary>How many of the first runs keep their values of <see cref="Record"/>.</summary>
    public int RecordRuns { get; init; }

    /// <summary>
    /// Run four runs side by side in vector lanes where the scenario and the processor allow (the same values as one by
    /// one; off only to measure or check that).
    /// </summary>
    public bool SideBySide { get; init; } = true;
}
