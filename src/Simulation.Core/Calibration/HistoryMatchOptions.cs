namespace Simulation.Core.Calibration;

/// <summary>Settings of <see cref="HistoryMatching.Run"/>; the defaults are those of docs/calibration.md.</summary>
public sealed record HistoryMatchOptions
{
    /// <summary>Candidates per wave, a Latin hypercube over the region still in play.</summary>
    public int Candidates { get; init; } = 2000;

    /// <summary>Model runs per candidate, whose mean and variance stand for E[y] and V_model.</summary>
    public int Replicates { get; init; } = 10;

    /// <summary>A candidate is ruled out when its largest implausibility exceeds this (Pukelsheim's 3-sigma rule).</summary>
    public double Cutoff { get; init; } = 3;

    /// <summary>The model discrepancy's standard deviation, as a share of each observed value.</summary>
    public double Discrepancy { get; init; }

    /// <summary>Most waves.</summary>
    public int MaxWaves { get; init; } = 5;

    /// <summary>Waves stop when the region not ruled out shrinks by less than this share of its prior volume.</summary>
    public double MinShrink { get; init; } = 0.1;

    /// <summary>Root of every random stream.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Worker threads; the result never depends on them.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Checked between candidates.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Called after each wave, from the calling thread.</summary>
    public Action<HistoryMatchWave>? Progress { get; init; }
}
