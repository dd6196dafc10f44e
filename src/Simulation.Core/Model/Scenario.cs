using Simulation.Core.Calendar;
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
    /// <summary>
    /// Every parameter with its key path, in the fixed order in which the model reads them. The index of a
    /// parameter here also names its random stream, so the order must never change between versions without
    /// a note in MODEL.md.
    /// </summary>
    public IReadOnlyList<ScenarioParameter> Parameters()
    {
        var list = new List<ScenarioParameter>
        {
            new("ceasefire.month", Ceasefire.MonthsAfterStart),
            new("ceasefire.never", Ceasefire.NeverProbability),
            new("demand.wartime", Demand.WartimeWorkers),
            new("demand.peak", Demand.PeakWorkers),
            new("demand.ramp_months", Demand.RampMonths),
            new("supply.dispatch_per_month", Supply.DispatchPerMonth),
            new("supply.pool", Supply.Pool),
            new("supply.initial_workers", Supply.InitialWorkers),
            new("contract.mean_months", Contract.MeanMonths),
            new("pay.wage", Pay.WagePerMonth),
            new("pay.currency_per_usd", Pay.CurrencyPerUsd),
            new("pay.fx_drift", Pay.FxDriftPerMonth),
            new("pay.fx_volatility", Pay.FxVolatilityPerMonth),
            new("pay.state_share", Pay.StateShare),
            new("enforcement.base_hazard", Enforcement.BaseMonthlyHazard),
            new("enforcement.hazard_per_1000_workers", Enforcement.MonthlyHazardPer1000Workers),
            new("enforcement.expel_fraction", Enforcement.ExpelFraction),
            new("enforcement.deterrence", Enforcement.Deterrence),
            new("enforcement.channel_cost", Enforcement.ChannelCost),
        };
        for (int i = 0; i < Enforcement.BaseHazardChanges.Count; i++)
        {
            list.Add(new($"enforcement.base_hazard_changes[{i}].multiplier", Enforcement.BaseHazardChanges[i].Multiplier));
        }
        return list;
    }
}
