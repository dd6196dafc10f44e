using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// A scenario flattened for the hot loop: parameters in an array in the order of <see cref="Scenario.Parameters"/>
/// (the catalogue's scalars at their <see cref="ParameterDefinition.Index"/>), each with its random stream, and the
/// hazard changes as month offsets from <c>start</c>.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed class CompiledScenario
{
    /// <summary>Compiles <paramref name="scenario"/>.</summary>
    public CompiledScenario(Scenario scenario)
    {
        Scenario = scenario;
        IReadOnlyList<ScenarioParameter> parameters = scenario.Parameters();
        Parameters = new InputDistribution[parameters.Count];
        ParameterNames = new string[parameters.Count];
        StreamPurposes = new int[parameters.Count];
        var uncertain = new List<int>();
        for (int i = 0; i < parameters.Count; i++)
        {
            Parameters[i] = parameters[i].Distribution;
            ParameterNames[i] = parameters[i].KeyPath;
            StreamPurposes[i] = parameters[i].StreamPurpose;
            if (!Parameters[i].IsFixed)
            {
                uncertain.Add(i);
            }
        }
        UncertainParameterIndices = [.. uncertain];
        Series = SeriesOf(scenario);
        var changes = scenario.Enforcement.BaseHazardChanges;
        HazardChangeMonths = new int[changes.Count];
        for (int i = 0; i < changes.Count; i++)
        {
            HazardChangeMonths[i] = changes[i].From.MonthsSince(scenario.Start);
        }
    }

    /// <summary>The scenario as given.</summary>
    public Scenario Scenario { get; }

    /// <summary>Horizon T in months.</summary>
    public int Months => Scenario.Months;

    /// <summary>Every parameter, fixed or not, in the order of <see cref="Scenario.Parameters"/>.</summary>
    public InputDistribution[] Parameters { get; }

    /// <summary>Key path of each entry of <see cref="Parameters"/>.</summary>
    public string[] ParameterNames { get; }

    /// <summary>The random stream of each entry of <see cref="Parameters"/>.</summary>
    public int[] StreamPurposes { get; }

    /// <summary>Indices into <see cref="Parameters"/> of the parameters given as distributions.</summary>
    public int[] UncertainParameterIndices { get; }

    /// <summary>Index into <see cref="Parameters"/> of the first hazard change's multiplier; the others follow.</summary>
    public static int FirstHazardChangeMultiplier => ParameterCatalogue.Scalars.Count;

    /// <summary>The monthly series a run of this scenario reports, in the order of the values the model passes to its sink.</summary>
    public IReadOnlyList<OutputDefinition> Series { get; }

    /// <summary>The monthly series a run of <paramref name="scenario"/> reports.</summary>
    public static IReadOnlyList<OutputDefinition> SeriesOf(Scenario scenario) => OutputCatalogue.AllSeries;

    /// <summary>Month index (may be negative or beyond the horizon) from which each hazard change applies.</summary>
    public int[] HazardChangeMonths { get; }
}
