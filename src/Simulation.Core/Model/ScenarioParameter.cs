using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// One parameter of a scenario as run: its key path (e.g. "pay.wage", "enforcement.base_hazard_changes[0].multiplier"),
/// its value, the catalogue's definition (unit, meaning, range), the random stream its draws come from, for
/// parameters dated on the calendar (hazard changes, timeline settings, deadlines, contingents) the month from which
/// they apply, and how to replace it in a copy of the scenario.
/// </summary>
public sealed record ScenarioParameter(string KeyPath, InputDistribution Distribution, ParameterDefinition Definition, int StreamPurpose, YearMonth? From,
    Func<Scenario, InputDistribution, Scenario> Replace)
{
    /// <summary>
    /// The parameter in words, with what it belongs to and its date: "dispatch", "the stay (study channel)",
    /// "dispatch from 2023-08", "compliance (order of 2019-12)", "the contingent of 2025-09".
    /// </summary>
    public string Label { get; init; } = Definition.Label;

    /// <summary>True for a parameter counted in months after the start: its values read as calendar months.</summary>
    public bool IsMonthAfterStart => Definition.Unit == "months after start";
}
