using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// How each scalar parameter of <see cref="ParameterCatalogue"/> is read from and replaced in a <see cref="Scenario"/>:
/// the catalogue says what a key is, this says where the scenario keeps it, so that the catalogue does not depend on the
/// model's types.
/// </summary>
public static class ScenarioKeys
{
    private static readonly ScenarioKey[] Keys = Build();

    private static ScenarioKey[] Build()
    {
        var keys = new ScenarioKey[ParameterCatalogue.Scalars.Count];
        void Set(ParameterDefinition definition, Func<Scenario, InputDistribution> get, Func<Scenario, InputDistribution, Scenario> with) =>
            keys[definition.Index] = new ScenarioKey(get, with);
        Set(ParameterCatalogue.CeasefireMonth, s => s.Ceasefire.MonthsAfterStart, (s, v) => s with { Ceasefire = s.Ceasefire with { MonthsAfterStart = v } });
        Set(ParameterCatalogue.CeasefireNever, s => s.Ceasefire.NeverProbability, (s, v) => s with { Ceasefire = s.Ceasefire with { NeverProbability = v } });
        Set(ParameterCatalogue.DemandWartime, s => s.Demand.WartimeWorkers, (s, v) => s with { Demand = s.Demand with { WartimeWorkers = v } });
        Set(ParameterCatalogue.DemandPeak, s => s.Demand.PeakWorkers, (s, v) => s with { Demand = s.Demand with { PeakWorkers = v } });
        Set(ParameterCatalogue.DemandRampMonths, s => s.Demand.RampMonths, (s, v) => s with { Demand = s.Demand with { RampMonths = v } });
        Set(ParameterCatalogue.SupplyDispatchPerMonth, s => s.Supply.DispatchPerMonth, (s, v) => s with { Supply = s.Supply with { DispatchPerMonth = v } });
        Set(ParameterCatalogue.SupplyPool, s => s.Supply.Pool, (s, v) => s with { Supply = s.Supply with { Pool = v } });
        Set(ParameterCatalogue.SupplyInitialWorkers, s => s.Supply.InitialWorkers, (s, v) => s with { Supply = s.Supply with { InitialWorkers = v } });
        Set(ParameterCatalogue.SupplyDepartureCapacity, s => s.Supply.DepartureCapacity, (s, v) => s with { Supply = s.Supply with { DepartureCapacity = v } });
        Set(ParameterCatalogue.ContractMeanMonths, s => s.Contract.MeanMonths, (s, v) => s with { Contract = s.Contract with { MeanMonths = v } });
        Set(ParameterCatalogue.PayWage, s => s.Pay.WagePerMonth, (s, v) => s with { Pay = s.Pay with { WagePerMonth = v } });
        Set(ParameterCatalogue.PayCurrencyPerUsd, s => s.Pay.CurrencyPerUsd, (s, v) => s with { Pay = s.Pay with { CurrencyPerUsd = v } });
        Set(ParameterCatalogue.PayFxDrift, s => s.Pay.FxDriftPerMonth, (s, v) => s with { Pay = s.Pay with { FxDriftPerMonth = v } });
        Set(ParameterCatalogue.PayFxVolatility, s => s.Pay.FxVolatilityPerMonth, (s, v) => s with { Pay = s.Pay with { FxVolatilityPerMonth = v } });
        Set(ParameterCatalogue.PayStateShare, s => s.Pay.StateShare, (s, v) => s with { Pay = s.Pay with { StateShare = v } });
        Set(ParameterCatalogue.PayWithheldPerMonth, s => s.Pay.WithheldPerMonth, (s, v) => s with { Pay = s.Pay with { WithheldPerMonth = v } });
        Set(ParameterCatalogue.PayForfeitOnForcedExit, s => s.Pay.ForfeitOnForcedExit, (s, v) => s with { Pay = s.Pay with { ForfeitOnForcedExit = v } });
        Set(ParameterCatalogue.PaySettlementDeduction, s => s.Pay.SettlementDeduction, (s, v) => s with { Pay = s.Pay with { SettlementDeduction = v } });
        Set(ParameterCatalogue.EnforcementBaseHazard, s => s.Enforcement.BaseMonthlyHazard, (s, v) => s with { Enforcement = s.Enforcement with { BaseMonthlyHazard = v } });
        Set(ParameterCatalogue.EnforcementHazardPer1000Workers, s => s.Enforcement.MonthlyHazardPer1000Workers, (s, v) => s with { Enforcement = s.Enforcement with { MonthlyHazardPer1000Workers = v } });
        Set(ParameterCatalogue.EnforcementExpelFraction, s => s.Enforcement.ExpelFraction, (s, v) => s with { Enforcement = s.Enforcement with { ExpelFraction = v } });
        Set(ParameterCatalogue.EnforcementDeterrence, s => s.Enforcement.Deterrence, (s, v) => s with { Enforcement = s.Enforcement with { Deterrence = v } });
        Set(ParameterCatalogue.EnforcementChannelCost, s => s.Enforcement.ChannelCost, (s, v) => s with { Enforcement = s.Enforcement with { ChannelCost = v } });
        Set(ParameterCatalogue.AttritionDeathRate, s => s.Attrition.DeathRate, (s, v) => s with { Attrition = s.Attrition with { DeathRate = v } });
        Set(ParameterCatalogue.AttritionDesertionRate, s => s.Attrition.DesertionRate, (s, v) => s with { Attrition = s.Attrition with { DesertionRate = v } });
        return Complete(keys);
    }

    /// <summary>The value of scalar <paramref name="definition"/> in <paramref name="scenario"/>.</summary>
    public static InputDistribution Get(ParameterDefinition definition, Scenario scenario) => Of(definition).Get(scenario);

    /// <summary>A copy of <paramref name="scenario"/> with scalar <paramref name="definition"/> set to <paramref name="value"/>.</summary>
    public static Scenario With(ParameterDefinition definition, Scenario scenario, InputDistribution value) => Of(definition).With(scenario, value);

    private static ScenarioKey Of(ParameterDefinition definition) => definition.Index >= 0
        ? Keys[definition.Index]
        : throw new InvalidOperationException($"{definition.KeyPath} is a template of list items, not a key of the scenario");

    private static ScenarioKey[] Complete(ScenarioKey[] keys)
    {
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] is null)
            {
                throw new InvalidOperationException($"{ParameterCatalogue.Scalars[i].KeyPath} has no place in Scenario");
            }
        }
        return keys;
    }

    private sealed record ScenarioKey(Func<Scenario, InputDistribution> Get, Func<Scenario, InputDistribution, Scenario> With);
}
