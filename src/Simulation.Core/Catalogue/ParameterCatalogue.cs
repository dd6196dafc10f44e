namespace Simulation.Core.Catalogue;

/// <summary>
/// Every numeric parameter of the model (docs/model.md, docs/scenario-format.md), declared once: the loader,
/// <c>laborsim validate --defaults</c>, the JSON Schema, reports and writers are views of this list, and the
/// model reads a run's inputs at <see cref="ParameterDefinition.Index"/>.
/// </summary>
/// <remarks>
/// The order is the document order of scenario files. Stream purposes are fixed numbers, not positions: adding a
/// key never moves another key's random numbers (a test pins every purpose).
/// </remarks>
public static class ParameterCatalogue
{
    private static readonly ValueRange Workers = new(0, 1e9);

    /// <summary>Months after start of the ceasefire.</summary>
    public static readonly ParameterDefinition CeasefireMonth = new("ceasefire.month", "months after start",
        "ceasefire month; floored, below 0 counts as 0", ValueRange.AnyReal, 24, 100, startOnly: true)
    { Label = "the ceasefire" };

    /// <summary>Probability that no ceasefire comes at all.</summary>
    public static readonly ParameterDefinition CeasefireNever = new("ceasefire.never", "probability",
        "chance that no ceasefire comes at all", ValueRange.Probability, 0.1, 101, startOnly: true)
    { Label = "the chance of no ceasefire" };

    /// <summary>Workers wanted while the war goes on.</summary>
    public static readonly ParameterDefinition DemandWartime = new("demand.wartime", "workers",
        "workers wanted while the war goes on", Workers, 0, 102)
    { Label = "wartime demand" };

    /// <summary>Workers wanted at full reconstruction.</summary>
    public static readonly ParameterDefinition DemandPeak = new("demand.peak", "workers",
        "workers wanted at full reconstruction", Workers, 20000, 103)
    { Label = "peak reconstruction demand" };

    /// <summary>Months from the ceasefire to peak demand.</summary>
    public static readonly ParameterDefinition DemandRampMonths = new("demand.ramp_months", "months",
        "months from ceasefire to peak demand", new ValueRange(0, 1200, MinExclusive: true), 12, 104)
    { Label = "the months from ceasefire to full demand" };

    /// <summary>Most workers sent in one month.</summary>
    public static readonly ParameterDefinition SupplyDispatchPerMonth = new("supply.dispatch_per_month", "workers / month",
        "most workers sent in one month", Workers, 1000, 105)
    { Label = "dispatch" };

    /// <summary>Most workers abroad at once.</summary>
    public static readonly ParameterDefinition SupplyPool = new("supply.pool", "workers",
        "most workers abroad at once", Workers, 100000, 106)
    { Label = "the pool of workers" };

    /// <summary>Workers on site at month 0.</summary>
    public static readonly ParameterDefinition SupplyInitialWorkers = new("supply.initial_workers", "workers",
        "workers on site at month 0 (rounded)", Workers, 0, 107, startOnly: true)
    { Label = "the workers abroad at the start" };

    /// <summary>Most returns and forced exits in one month (version 2).</summary>
    public static readonly ParameterDefinition SupplyDepartureCapacity = new("supply.departure_capacity", "workers / month",
        "most returns and forced exits in one month (floored); 0 closes the borders to departures", new ValueRange(0, double.PositiveInfinity, InfinityAllowed: true),
        double.PositiveInfinity, 20000)
    { Label = "departure capacity" };

    /// <summary>Mean contract length.</summary>
    public static readonly ParameterDefinition ContractMeanMonths = new("contract.mean_months", "months",
        "mean contract length; a worker leaves each month with probability 1/mean", new ValueRange(1, double.MaxValue), 36, 108)
    { Label = "the mean stay" };

    /// <summary>Wage per worker per month in host currency.</summary>
    public static readonly ParameterDefinition PayWage = new("pay.wage", "host currency / worker / month",
        "wage paid per worker", new ValueRange(0, 1e12), 70000, 109)
    { Label = "the wage" };

    /// <summary>Exchange rate at month 0.</summary>
    public static readonly ParameterDefinition PayCurrencyPerUsd = new("pay.currency_per_usd", "host currency / USD",
        "exchange rate at month 0", new ValueRange(0, 1e12, MinExclusive: true), 90, 110)
    { Label = "the exchange rate" };

    /// <summary>Drift of ln(currency per USD).</summary>
    public static readonly ParameterDefinition PayFxDrift = new("pay.fx_drift", "log change / month",
        "drift of ln(currency per USD)", new ValueRange(-1, 1, UnboundedAbove: false), 0, 111)
    { Label = "the exchange rate's drift" };

    /// <summary>Volatility of ln(currency per USD).</summary>
    public static readonly ParameterDefinition PayFxVolatility = new("pay.fx_volatility", "log sd / month",
        "volatility of ln(currency per USD)", new ValueRange(0, 1, UnboundedAbove: false), 0.03, 112)
    { Label = "the exchange rate's volatility" };

    /// <summary>Share of wages the sending state takes.</summary>
    public static readonly ParameterDefinition PayStateShare = new("pay.state_share", "share",
        "share of wages the sending state takes", ValueRange.Probability, 0.8, 113)
    { Label = "the state's share of wages" };

    /// <summary>Pay withheld per worker-month until the worker returns (model version 3).</summary>
    public static readonly ParameterDefinition PayWithheldPerMonth = new("pay.withheld_per_month", "USD / worker-month",
        "pay withheld per worker-month, paid out at a normal return (arrears); not part of the state's revenue", new ValueRange(0, 1e6), 0, 20003)
    { Label = "the pay withheld per month" };

    /// <summary>Share of a leaver's arrears forfeited when the exit is forced (model version 3).</summary>
    public static readonly ParameterDefinition PayForfeitOnForcedExit = new("pay.forfeit_on_forced_exit", "share",
        "share of arrears forfeited on expulsion, forced exit, death or desertion", ValueRange.Probability, 1, 20004)
    { Label = "the arrears forfeited on a forced exit" };

    /// <summary>Share cut from arrears when they are paid out (model version 3).</summary>
    public static readonly ParameterDefinition PaySettlementDeduction = new("pay.settlement_deduction", "share",
        "share cut from arrears at payout", ValueRange.Probability, 0, 20005)
    { Label = "the deduction at settlement" };

    /// <summary>Enforcement hazard regardless of scale.</summary>
    public static readonly ParameterDefinition EnforcementBaseHazard = new("enforcement.base_hazard", "events / month",
        "enforcement hazard regardless of scale", new ValueRange(0, 100), 0.01, 114)
    { Label = "the base enforcement hazard" };

    /// <summary>Extra hazard per 1,000 workers on site.</summary>
    public static readonly ParameterDefinition EnforcementHazardPer1000Workers = new("enforcement.hazard_per_1000_workers", "events / month / 1000 workers",
        "extra hazard per 1,000 workers on site", new ValueRange(0, 100), 0.002, 115)
    { Label = "the hazard per 1,000 workers" };

    /// <summary>Share of workers on site expelled by one event.</summary>
    public static readonly ParameterDefinition EnforcementExpelFraction = new("enforcement.expel_fraction", "share",
        "share of workers on site expelled by one event", ValueRange.Probability, 0.3, 116)
    { Label = "the share expelled by an event" };

    /// <summary>Factor on intended dispatch once enforced.</summary>
    public static readonly ParameterDefinition EnforcementDeterrence = new("enforcement.deterrence", "factor",
        "factor on intended dispatch once enforced", ValueRange.Probability, 0.5, 117)
    { Label = "the deterrence factor" };

    /// <summary>Share of remittances lost once enforced.</summary>
    public static readonly ParameterDefinition EnforcementChannelCost = new("enforcement.channel_cost", "share",
        "share of remittances lost once enforced", ValueRange.Probability, 0.2, 118)
    { Label = "the money-channel cost of enforcement" };

    /// <summary>Deaths per worker per month (version 2).</summary>
    public static readonly ParameterDefinition AttritionDeathRate = new("attrition.death_rate", "per worker / month",
        "chance that a worker abroad dies in a month", ValueRange.Probability, 0, 20001)
    { Label = "the death rate" };

    /// <summary>Desertions per worker per month (version 2).</summary>
    public static readonly ParameterDefinition AttritionDesertionRate = new("attrition.desertion_rate", "per worker / month",
        "chance that a worker abroad deserts in a month", ValueRange.Probability, 0, 20002)
    { Label = "the desertion rate" };

    /// <summary>Template: the multiplier of item i of <c>enforcement.base_hazard_changes</c>, stream 119 + i.</summary>
    public static readonly ParameterDefinition HazardChangeMultiplier = new("multiplier", "factor",
        "base hazard multiplier from the change's month on", new ValueRange(0, 1000), 1, 119, itemStride: 1)
    { Label = "the enforcement hazard multiplier" };

    /// <summary>Template: a channel's share of intended dispatch; channel c draws from stream 100,000 + 1,000 c.</summary>
    public static readonly ParameterDefinition ChannelShare = new("share", "share",
        "weight of intended dispatch sent through the channel (weights are normalised to sum 1)", ValueRange.Probability, 1, 100_000, itemStride: 1000)
    { Label = "the share of dispatch" };

    /// <summary>Template: a channel's mean stay; stream 100,001 + 1,000 c. Left out, the channel follows contract.mean_months.</summary>
    public static readonly ParameterDefinition ChannelContractMonths = new("contract_months", "months",
        "mean stay on the channel; a worker leaves each month with probability 1/mean (default contract.mean_months)",
        new ValueRange(1, double.MaxValue), 36, 100_001, itemStride: 1000)
    { Label = "the stay" };

    /// <summary>Template: whether a channel takes new arrivals; stream 100,002 + 1,000 c.</summary>
    public static readonly ParameterDefinition ChannelOpen = new("open", "0 or 1",
        "1 = new arrivals allowed, 0 = closed (a freeze); between 0 and 1 blocks that share of the channel's dispatch",
        ValueRange.Probability, 1, 100_002, itemStride: 1000)
    { Label = "the channel being open" };

    /// <summary>Template: the share of a closed channel's dispatch that reappears in its substitute; stream 100,003 + 1,000 c.</summary>
    public static readonly ParameterDefinition ChannelSubstitution = new("substitution", "share",
        "share of the dispatch blocked by closing this channel that goes through substitute_to instead", ValueRange.Probability, 0, 100_003, itemStride: 1000)
    { Label = "substitution" };

    /// <summary>Template: a channel's weight in the enforcement hazard and in expulsions; stream 100,004 + 1,000 c.</summary>
    public static readonly ParameterDefinition ChannelVisibility = new("visibility", "factor",
        "weight of the channel's workers in the enforcement hazard, and factor on the expel fraction (capped at 1)", new ValueRange(0, 1000), 1, 100_004, itemStride: 1000)
    { Label = "visibility" };

    /// <summary>Template: the share of a channel's remittances lost on the way; stream 100,005 + 1,000 c.</summary>
    public static readonly ParameterDefinition ChannelFee = new("fee", "share",
        "share of the channel's remittances lost on the way (fees, couriers)", ValueRange.Probability, 0, 100_005, itemStride: 1000)
    { Label = "the fee" };

    /// <summary>Template: an order's compliance; order r draws from stream 300,000 + 1,000 r.</summary>
    public static readonly ParameterDefinition RepatriationCompliance = new("compliance", "share",
        "share of the covered stock removed by the deadline when nothing else moves", ValueRange.Probability, 1, 300_000, itemStride: 1000)
    { Label = "compliance" };

    /// <summary>Template: an order's ramp; stream 300,001 + 1,000 r.</summary>
    public static readonly ParameterDefinition RepatriationRampMonths = new("ramp_months", "months",
        "months before the deadline over which workers are removed (rounded to a whole number)", new ValueRange(1, 1200), 1, 300_001, itemStride: 1000)
    { Label = "the ramp" };

    /// <summary>Template: an order's conversion probability; stream 300,002 + 1,000 r.</summary>
    public static readonly ParameterDefinition RepatriationConvert = new("convert", "probability",
        "chance that a worker still in a covered channel at the deadline moves to convert_to", ValueRange.Probability, 0, 300_002, itemStride: 1000)
    { Label = "conversion" };

    /// <summary>Template: a contingent's size; contingent j draws from stream 500,000 + 1,000 j.</summary>
    public static readonly ParameterDefinition ContingentWorkers = new("workers", "workers",
        "workers arriving with the contingent (rounded to a whole number)", Workers, 0, 500_000, itemStride: 1000)
    { Label = "the contingent" };

    /// <summary>Template: what the state is paid per member of contingent j per month abroad (model version 3); stream 500,001 + 1,000 j.</summary>
    public static readonly ParameterDefinition ContingentPayPerMonth = new("pay_per_month", "USD / person-month",
        "paid to the state per member of the contingent per month abroad (reported apart from labor revenue)", new ValueRange(0, 1e7), 0, 500_001, itemStride: 1000)
    { Label = "the contingent's pay" };

    /// <summary>Template: a money channel's weight in the state's revenue (model version 3); money channel i draws from stream 600,000 + 1,000 i.</summary>
    public static readonly ParameterDefinition MoneyChannelShare = new("share", "share",
        "weight of the state's revenue moved through the money channel (weights are normalised to sum 1)", ValueRange.Probability, 1, 600_000, itemStride: 1000)
    { Label = "the share of revenue" };

    /// <summary>Template: the share a money channel loses on the way (model version 3).</summary>
    public static readonly ParameterDefinition MoneyChannelFee = new("fee", "share",
        "share of what the money channel carries that is lost on the way (fees, seizures, couriers' cut)", ValueRange.Probability, 0, 600_001, itemStride: 1000)
    { Label = "the money channel's fee" };

    /// <summary>Template: a money channel open (1) or closed (0), e.g. by a designation (model version 3).</summary>
    public static readonly ParameterDefinition MoneyChannelOpen = new("open", "0 or 1",
        "1 = open, 0 = closed (e.g. designated); a closed channel's share goes to substitute_to, or is lost", ValueRange.Probability, 1, 600_002, itemStride: 1000)
    { Label = "the money channel being open" };

    /// <summary>Template: a destination's weight in arrivals (model version 3); destination i draws from stream 700,000 + 1,000 i.</summary>
    public static readonly ParameterDefinition DestinationShare = new("share", "share",
        "weight of arrivals sent to the destination (weights are normalised each month); unused where destinations have their own demand", ValueRange.Probability, 1, 700_000, itemStride: 1000)
    { Label = "the share of arrivals" };

    /// <summary>Template: the wage at a destination, in place of pay.wage (model version 3).</summary>
    public static readonly ParameterDefinition DestinationWage = new("wage", "host currency / worker / month",
        "gross monthly wage at the destination (in place of pay.wage)", new ValueRange(0, 1e9), 70000, 700_001, itemStride: 1000)
    { Label = "the wage" };

    /// <summary>Template: factor on the enforcement hazard's worker term for workers at a destination (model version 3).</summary>
    public static readonly ParameterDefinition DestinationHazardFactor = new("hazard_factor", "factor",
        "factor on the per-worker enforcement hazard for workers there (occupied territory is a target of its own)", new ValueRange(0, 1000), 1, 700_002, itemStride: 1000)
    { Label = "the hazard factor" };

    /// <summary>Template: deaths per worker per month at a destination, in place of attrition.death_rate (model version 3).</summary>
    public static readonly ParameterDefinition DestinationDeathRate = new("death_rate", "per worker / month",
        "chance that a worker there dies in a month (in place of attrition.death_rate)", ValueRange.Probability, 0, 700_003, itemStride: 1000)
    { Label = "the death rate" };

    /// <summary>Template: visibility of workers at a destination to monitors (model version 3).</summary>
    public static readonly ParameterDefinition DestinationVisibility = new("visibility", "factor",
        "how visible workers there are to monitors, multiplying their channel's visibility", new ValueRange(0, 1000), 1, 700_004, itemStride: 1000)
    { Label = "the visibility" };

    /// <summary>Template: a destination's wartime demand (model version 3).</summary>
    public static readonly ParameterDefinition DestinationWartime = new("demand.wartime", "workers",
        "workers wanted there while the war goes on", Workers, 0, 700_005, itemStride: 1000)
    { Label = "wartime demand" };

    /// <summary>Template: a destination's demand at full reconstruction (model version 3).</summary>
    public static readonly ParameterDefinition DestinationPeak = new("demand.peak", "workers",
        "workers wanted there at full reconstruction", Workers, 0, 700_006, itemStride: 1000)
    { Label = "peak demand" };

    /// <summary>Template: months from the ceasefire to a destination's peak demand (model version 3).</summary>
    public static readonly ParameterDefinition DestinationRampMonths = new("demand.ramp_months", "months",
        "months from ceasefire to the destination's peak demand", new ValueRange(0, 1200, MinExclusive: true), 12, 700_007, itemStride: 1000)
    { Label = "the months to full demand" };

    /// <summary>The keys of a destination item that are parameters.</summary>
    public static IReadOnlyList<ParameterDefinition> DestinationKeys { get; } =
        [DestinationShare, DestinationWage, DestinationHazardFactor, DestinationDeathRate, DestinationVisibility, DestinationWartime, DestinationPeak, DestinationRampMonths];

    /// <summary>Template: the monthly probability that a worker moves along transfer i (model version 3); stream 800,000 + 1,000 i.</summary>
    public static readonly ParameterDefinition TransferMonthly = new("monthly", "per worker / month",
        "chance that a worker at 'from' moves to 'to' in a month", ValueRange.Probability, 0, 800_000, itemStride: 1000)
    { Label = "the transfer rate" };

    /// <summary>The keys of a money channel item that are parameters, in the order of their streams.</summary>
    public static IReadOnlyList<ParameterDefinition> MoneyChannelKeys { get; } = [MoneyChannelShare, MoneyChannelFee, MoneyChannelOpen];

    /// <summary>The stream of setting <paramref name="setting"/> of timeline entry <paramref name="entry"/>: 1,000,000 + 1,000 entry + setting.</summary>
    public static int TimelineStream(int entry, int setting) => checked(1_000_000 + 1000 * entry + setting);

    /// <summary>Every scalar parameter, in document order; a run's inputs hold them first, at their <see cref="ParameterDefinition.Index"/>.</summary>
    public static IReadOnlyList<ParameterDefinition> Scalars { get; } = Indexed(
    [
        CeasefireMonth, CeasefireNever,
        DemandWartime, DemandPeak, DemandRampMonths,
        SupplyDispatchPerMonth, SupplyPool, SupplyInitialWorkers, SupplyDepartureCapacity,
        ContractMeanMonths,
        PayWage, PayCurrencyPerUsd, PayFxDrift, PayFxVolatility, PayStateShare, PayWithheldPerMonth, PayForfeitOnForcedExit, PaySettlementDeduction,
        EnforcementBaseHazard, EnforcementHazardPer1000Workers, EnforcementExpelFraction, EnforcementDeterrence, EnforcementChannelCost,
        AttritionDeathRate, AttritionDesertionRate,
    ]);

    /// <summary>The templates of list items, for documentation and tests.</summary>
    public static IReadOnlyList<ParameterDefinition> Templates { get; } =
    [
        HazardChangeMultiplier, ChannelShare, ChannelContractMonths, ChannelOpen, ChannelSubstitution, ChannelVisibility, ChannelFee,
        RepatriationCompliance, RepatriationRampMonths, RepatriationConvert, ContingentWorkers, ContingentPayPerMonth,
        MoneyChannelShare, MoneyChannelFee, MoneyChannelOpen,
        DestinationShare, DestinationWage, DestinationHazardFactor, DestinationDeathRate, DestinationVisibility, DestinationWartime, DestinationPeak, DestinationRampMonths,
        TransferMonthly,
    ];

    /// <summary>The keys of a channel item that are parameters, in the order of its streams.</summary>
    public static IReadOnlyList<ParameterDefinition> ChannelKeys { get; } =
        [ChannelShare, ChannelContractMonths, ChannelOpen, ChannelSubstitution, ChannelVisibility, ChannelFee];

    /// <summary>A channel's name key (letters, digits, '_').</summary>
    public const string ChannelName = "name";

    /// <summary>A channel's key naming the channel that takes its blocked dispatch.</summary>
    public const string ChannelSubstituteTo = "substitute_to";

    /// <summary>Every key a channel item takes: its name, its parameters (<see cref="ChannelKeys"/>), and where its blocked dispatch goes.</summary>
    public static IReadOnlyList<string> ChannelItemKeys { get; } = [ChannelName, .. ChannelKeys.Select(k => k.KeyPath), ChannelSubstituteTo];

    /// <summary>The keys of a repatriation order that are parameters.</summary>
    public static IReadOnlyList<ParameterDefinition> RepatriationKeys { get; } = [RepatriationCompliance, RepatriationRampMonths, RepatriationConvert];

    /// <summary>Most channels a scenario may have.</summary>
    public const int MaxChannels = 20;

    /// <summary>Most items in each of the lists (hazard changes, repatriation orders, contingents); keeps their streams apart.</summary>
    public const int MaxListItems = 200;

    /// <summary>Most timeline entries.</summary>
    public const int MaxTimelineEntries = 2000;

    /// <summary>The scalar parameter at <paramref name="keyPath"/>, or null.</summary>
    public static ParameterDefinition? Find(string keyPath)
    {
        foreach (var definition in Scalars)
        {
            if (definition.KeyPath == keyPath)
            {
                return definition;
            }
        }
        return null;
    }

    private static ParameterDefinition[] Indexed(ParameterDefinition[] definitions)
    {
        for (int i = 0; i < definitions.Length; i++)
        {
            definitions[i].Index = i;
        }
        return definitions;
    }
}
