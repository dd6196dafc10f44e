using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Analysis;

/// <summary>How to run a comparison. Only <see cref="CommonRandomNumbers"/> changes the results.</summary>
public sealed record ComparisonOptions
{
    /// <summary>Worker threads (&gt;= 1).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// True (the default): run r of every scenario uses the same random streams, so paired differences come from
    /// the assumptions, not from noise. False gives each scenario independent streams, to measure what that costs.
    /// </summary>
    public bool CommonRandomNumbers { get; init; } = true;

    /// <summary>Called from worker threads after each block with the runs completed per scenario.</summary>
    public Action<RunProgress>? Progress { get; init; }

    /// <summary>Probabilities P(metric &gt; value) to give per scenario and as paired differences (--threshold).</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Stops between blocks.</summary>
    public CancellationToken Cancellation { get; init; }
}
