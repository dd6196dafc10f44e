using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// A scenario flattened for the hot loop: parameters in an array in the order of
/// <see cref="Scenario.Parameters"/>, and the hazard changes as month offsets from <c>start</c>.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed class CompiledScenario
{
    internal const int CeasefireMonth = 0;
    internal const int CeasefireNever = 1;
    internal const int DemandWartime = 2;
    internal const int DemandPeak = 3;
    internal const int DemandRampMonths = 4;
    internal const int SupplyDispatchPerMonth = 5;
    internal const int SupplyPool = 6;
    internal const int SupplyInitialWorkers = 7;
    internal const int ContractMeanMonths = 8;
    internal const int PayWage = 9;
    internal const int PayCurrencyPerUsd = 10;
    internal const int PayFxDrift = 11;
    internal const int PayFxVolatility = 12;
    internal const int PayStateShare = 13;
    internal const int EnforcementBaseHazard = 14;
    internal const int EnforcementHazardPer1000Workers = 15;
    internal const int EnforcementExpelFraction = 16;
    internal const int EnforcementDeterrence = 17;
    internal const int EnforcementChannelCost = 18;
    internal const int FirstHazardChangeMultiplier = 19;

    /// <summary>Compiles <paramref name="scenario"/>.</summary>
    public CompiledScenario(Scenario scenario)
    {
        Scenario = scenario;
        IReadOnlyList<ScenarioParameter> parameters = scenario.Parameters();
        Parameters = new InputDistribution[parameters.Count];
        ParameterNames = new string[parameters.Count];
        var uncertain = new List<int>();
        for (int i = 0; i < parameters.Count; i++)
        {
            Parameters[i] = parameters[i].Distribution;
            ParameterNames[i] = parameters[i].KeyPath;
            if (!Parameters[i].IsFixed)
            {
                uncertain.Add(i);
            }
        }
        UncertainParameterIndices = [.. uncertain];
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

    /// <summary>Every parameter, fixed or not, in model order.</summary>
    public InputDistribution[] Parameters { get; }

    /// <summary>Key path of each entry of <see cref="Parameters"/>.</summary>
    public string[] ParameterNames { get; }

    /// <summary>Indices into <see cref="Parameters"/> of the parameters given as distributions.</summary>
    public int[] UncertainParameterIndices { get; }

    /// <summary>Month index (may be negative or beyond the horizon) from which each hazard change applies.</summary>
    public int[] HazardChangeMonths { get; }
}
