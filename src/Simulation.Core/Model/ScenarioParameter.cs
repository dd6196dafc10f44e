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
    Func<Scenario, InputDistribution, Scenario> Replace);
