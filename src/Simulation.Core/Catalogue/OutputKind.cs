namespace Simulation.Core.Catalogue;

/// <summary>What kind of quantity an output is: how it is aggregated over a period, formatted and charted.</summary>
public enum OutputKind
{
    /// <summary>Workers present at the end of a month (compared at the end of a period, never summed).</summary>
    Stock,
    /// <summary>Workers moving in a month, or counted over the horizon (summed over a period).</summary>
    Flow,
    /// <summary>1 or 0 in each run: its mean over runs is a probability.</summary>
    ZeroOne,
    /// <summary>US dollars.</summary>
    Money,
    /// <summary>A count of events.</summary>
    Count,
    /// <summary>A month index from the scenario's start.</summary>
    MonthIndex,
}
