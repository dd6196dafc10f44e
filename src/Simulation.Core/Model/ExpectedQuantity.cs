namespace Simulation.Core.Model;

/// <summary>What an expectation of a scenario file (<c>expect:</c>) states a range for.</summary>
public enum ExpectedQuantity
{
    /// <summary>The mean of a metric over the runs in which it happened.</summary>
    Mean,

    /// <summary>The median of a metric over the runs in which it happened.</summary>
    Median,

    /// <summary>A probability by the horizon (enforced_by_horizon, ceasefire_by_horizon).</summary>
    ByHorizon,

    /// <summary>The share of runs in which a metric exceeds a value, counted exactly in every run.</summary>
    ShareAbove,
}
