using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// A complete, validated set of assumptions (SCENARIO-FORMAT.md). Immutable: overrides and sweeps make
/// changed copies with <c>with</c>.
/// </summary>
/// <param name="Name">Letters, digits, '-' and '_'.</param>
/// <param name="Description">Free text for reports.</param>
/// <param name="Start">Calendar month of month 0.</param>
/// <param name="Months">Horizon T, 1 .. 1200.</param>
/// <param name="Runs">Monte Carlo runs, &gt;= 1.</param>
/// <param name="Seed">Root of every random stream.</param>
/// <param name="Ceasefire">When the war stops.</param>
/// <param name="Demand">Workers the host wants.</param>
/// <param name="Supply">Workers the sending state can send.</param>
/// <param name="Contract">How long workers stay.</param>
/// <param name="Pay">Wages, the state's share and the exchange rate.</param>
/// <param name="Enforcement">Sanctions enforcement.</param>
public sealed record Scenario(
    string Name,
    string Description,
    YearMonth Start,
    int Months,
    long Runs,
    long Seed,
    CeasefireAssumptions Ceasefire,
    DemandAssumptions Demand,
    SupplyAssumptions Supply,
    ContractAssumptions Contract,
    PayAssumptions Pay,
    EnforcementAssumptions Enforcement)
{
    /// <summary>A scenario with every parameter at the catalogue's default (<see cref="ParameterCatalogue"/>) and no hazard changes.</summary>
    public static Scenario FromDefaults(string name, string description, YearMonth start, int months, long runs, long seed)
    {
        static InputDistribution D(ParameterDefinition parameter) => InputDistribution.Fixed(parameter.Default);
        return new Scenario(name, description, start, months, runs, seed,
            new CeasefireAssumptions(D(ParameterCatalogue.CeasefireMonth), D(ParameterCatalogue.CeasefireNever)),
            new DemandAssumptions(D(ParameterCatalogue.DemandWartime), D(ParameterCatalogue.DemandPeak), D(ParameterCatalogue.DemandRampMonths)),
            new SupplyAssumptions(D(ParameterCatalogue.SupplyDispatchPerMonth), D(ParameterCatalogue.SupplyPool), D(ParameterCatalogue.SupplyInitialWorkers)),
            new ContractAssumptions(D(ParameterCatalogue.ContractMeanMonths)),
            new PayAssumptions(D(ParameterCatalogue.PayWage), D(ParameterCatalogue.PayCurrencyPerUsd), D(ParameterCatalogue.PayFxDrift),
                D(ParameterCatalogue.PayFxVolatility), D(ParameterCatalogue.PayStateShare)),
            new EnforcementAssumptions(D(ParameterCatalogue.EnforcementBaseHazard), [], D(ParameterCatalogue.EnforcementHazardPer1000Workers),
                D(ParameterCatalogue.EnforcementExpelFraction), D(ParameterCatalogue.EnforcementDeterrence), D(ParameterCatalogue.EnforcementChannelCost)));
    }

    /// <summary>
    /// Every parameter with its key path, in the order of a run's inputs: the catalogue's scalars
    /// (<see cref="ParameterCatalogue.Scalars"/>), then the hazard changes' multipliers. Each names its own
    /// random stream, so this order may change without changing any result.
    /// </summary>
    public IReadOnlyList<ScenarioParameter> Parameters()
    {
        var list = new List<ScenarioParameter>();
        foreach (var definition in ParameterCatalogue.Scalars)
        {
            list.Add(new(definition.KeyPath, definition.Get(this), definition, definition.StreamPurpose, null));
        }
        var multiplier = ParameterCatalogue.HazardChangeMultiplier;
        for (int i = 0; i < Enforcement.BaseHazardChanges.Count; i++)
        {
            var change = Enforcement.BaseHazardChanges[i];
            list.Add(new($"enforcement.base_hazard_changes[{i}].multiplier", change.Multiplier, multiplier, multiplier.StreamOf(i), change.From));
        }
        return list;
    }

    /// <summary>The parameter at <paramref name="keyPath"/> (as <see cref="Parameters"/> names it), or null.</summary>
    public ScenarioParameter? Find(string keyPath)
    {
        foreach (var parameter in Parameters())
        {
            if (parameter.KeyPath == keyPath)
            {
                return parameter;
            }
        }
        return null;
    }

    /// <summary>
    /// A copy with the parameter at <paramref name="keyPath"/> (as <see cref="Parameters"/> names it) set to
    /// <paramref name="value"/>: how overrides and sweeps change a scenario without reading its file again.
    /// </summary>
    /// <exception cref="ArgumentException">No parameter has that key path.</exception>
    public Scenario With(string keyPath, InputDistribution value)
    {
        if (ParameterCatalogue.Find(keyPath) is { } scalar)
        {
            return scalar.With(this, value);
        }
        var changes = Enforcement.BaseHazardChanges;
        for (int i = 0; i < changes.Count; i++)
        {
            if (keyPath == $"enforcement.base_hazard_changes[{i}].multiplier")
            {
                var list = new List<HazardChange>(changes);
                list[i] = list[i] with { Multiplier = value };
                return this with { Enforcement = Enforcement with { BaseHazardChanges = list } };
            }
        }
        throw new ArgumentException($"'{keyPath}' names no parameter of scenario {Name}", nameof(keyPath));
    }
}
