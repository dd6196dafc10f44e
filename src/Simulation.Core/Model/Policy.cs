using Simulation.Core.Calendar;

namespace Simulation.Core.Model;

/// <summary>
/// A named setting of levers (docs/decisions.md): from month 0, from a calendar month (<see cref="From"/>), or from
/// <see cref="LagMonths"/> after a signpost (<see cref="Trigger"/>) first holds, for the rest of the run.
/// </summary>
public sealed record Policy(string Name, IReadOnlyList<PolicySetting> Settings)
{
    /// <summary>The implicit policy that sets nothing.</summary>
    public const string StatusQuo = "status-quo";

    /// <summary>The calendar month the settings apply from; null for month 0 (or a trigger).</summary>
    public YearMonth? From { get; init; }

    /// <summary>The signpost of an adaptive policy; null for a fixed one.</summary>
    public PolicyTrigger? Trigger { get; init; }

    /// <summary>Months from the end of the month the trigger fires to the first month the settings apply in, beyond the next month.</summary>
    public int LagMonths { get; init; }

    /// <summary>What the policy is, in words, with its source or "a guess" (a scenario file's <c>note:</c>).</summary>
    public string Note { get; init; } = "";

    /// <summary>True when the policy sets nothing.</summary>
    public bool IsStatusQuo => Settings.Count == 0;
}
