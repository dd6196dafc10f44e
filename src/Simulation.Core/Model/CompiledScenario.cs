using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// A scenario flattened for the hot loop: parameters in an array in the order of <see cref="Scenario.Parameters"/>
/// (the catalogue's scalars at their <see cref="ParameterDefinition.Index"/>), each with its random stream; channels,
/// orders and contingents as slots and month indices; the timeline (hazard changes included) as a list of events
/// "from month t, slot k takes input i", already resolved so that a later entry in the file wins.
/// </summary>
/// <remarks>
/// A run keeps the parameters in force in an array of <see cref="SlotCount"/> values: the run's inputs, then the hazard
/// multiplier, then a slot for each channel key the scenario does not give (the implicit channel's, a stay that follows
/// <c>contract.mean_months</c>), so that a timeline can change any of them. Immutable and thread safe.
/// </remarks>
public sealed class CompiledScenario
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Scenario, CompiledScenario> Compiled = new();

    /// <summary>
    /// The compiled form of <paramref name="scenario"/>, made once per scenario object: a scenario is immutable, and
    /// <c>with</c> makes a new object, so the cache can never hand out a stale form.
    /// </summary>
    internal static CompiledScenario Of(Scenario scenario) => Compiled.GetValue(scenario, s => new CompiledScenario(s));

    /// <summary>Compiles <paramref name="scenario"/>; only Core (and its tests and benchmarks) build the hot loop's form.</summary>
    internal CompiledScenario(Scenario scenario)
    {
        Scenario = scenario;
        IReadOnlyList<ScenarioParameter> parameters = scenario.Parameters();
        Parameters = new InputDistribution[parameters.Count];
        ParameterNames = new string[parameters.Count];
        StreamPurposes = new int[parameters.Count];
        var uncertain = new List<int>();
        var slotOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < parameters.Count; i++)
        {
            Parameters[i] = parameters[i].Distribution;
            ParameterNames[i] = parameters[i].KeyPath;
            StreamPurposes[i] = parameters[i].StreamPurpose;
            slotOf[parameters[i].KeyPath] = i;
            if (!Parameters[i].IsFixed)
            {
                uncertain.Add(i);
            }
        }
        UncertainParameterIndices = [.. uncertain];
        if (scenario.Posterior is { } posterior)
        {
            PosteriorSlots = new int[posterior.KeyPaths.Count];
            for (int j = 0; j < PosteriorSlots.Length; j++)
            {
                string key = posterior.KeyPaths[j];
                if (!slotOf.TryGetValue(key, out int slot) || Parameters[slot].IsFixed)
                {
                    throw new ArgumentException($"the posterior of {posterior.Source} sets '{key}', which is not an uncertain input of scenario {scenario.Name}");
                }
                PosteriorSlots[j] = slot;
            }
        }
        var copula = CopulaOf(scenario, slotOf);
        if (copula is not null && scenario.Sampling != Sampling.SamplingMethod.MonteCarlo)
        {
            throw new ArgumentException($"scenario {scenario.Name}: a sampling design cannot keep its strata for correlated inputs; use independent draws with correlations, or no correlations");
        }
        if (copula is not null || scenario.Sampling != Sampling.SamplingMethod.MonteCarlo)
        {
            Sampler = new InputSampler(scenario.Sampling, scenario.Runs, Parameters, UncertainParameterIndices, StreamPurposes, copula);
        }
        Series = SeriesOf(scenario);
        BeforeDeployment = scenario.Enforcement.BeforeDeployment;
        if (scenario.Ceasefire.NotBefore is { } notBefore && notBefore.MonthsSince(scenario.Start) > 0)
        {
            int month = notBefore.MonthsSince(scenario.Start);
            var distribution = Parameters[ParameterCatalogue.CeasefireMonth.Index];
            // F(m) = P(draw < m): the draws that would have put the ceasefire before month m.
            double before = distribution.IsFixed ? (distribution.Mean < month ? 1 : 0) : distribution.Cdf(Math.BitDecrement((double)month));
            CeasefireCondition = new CeasefireCondition(month, distribution, before);
        }

        int slots = parameters.Count;
        MultiplierSlot = slots++;
        var names = scenario.ChannelNames;
        ChannelCount = names.Count;
        var places = scenario.DestinationNames;
        DestinationCount = places.Count;
        CellCount = ChannelCount * DestinationCount;
        int contractMeanMonths = ParameterCatalogue.ContractMeanMonths.Index;
        var copies = new List<(int Slot, int Source)>();
        var constants = new List<(int Slot, double Value)> { (MultiplierSlot, 1.0) };
        var candidates = new List<(int Month, int Order, int Slot, int Source)>();
        var changes = scenario.Enforcement.BaseHazardChanges;
        for (int i = 0; i < changes.Count; i++)
        {
            candidates.Add((changes[i].From.MonthsSince(scenario.Start), i, MultiplierSlot, CompiledScenario.FirstHazardChangeMultiplier + i));
        }

        // Every channel key gets a slot: its parameter's, or one of its own holding the default (the implicit channel of
        // a version 1 scenario) or following contract.mean_months, so that a timeline can change it for this channel alone.
        int SlotOf(string name, ParameterDefinition key)
        {
            string path = $"channels.{name}.{key.KeyPath}";
            if (slotOf.TryGetValue(path, out int slot))
            {
                return slot;
            }
            slot = slots++;
            slotOf[path] = slot;
            if (key == ParameterCatalogue.ChannelContractMonths)
            {
                copies.Add((slot, contractMeanMonths));
            }
            else
            {
                constants.Add((slot, key.Default));
            }
            return slot;
        }
        ShareSlots = new int[ChannelCount];
        ContractSlots = new int[ChannelCount];
        OpenSlots = new int[ChannelCount];
        SubstitutionSlots = new int[ChannelCount];
        VisibilitySlots = new int[ChannelCount];
        FeeSlots = new int[ChannelCount];
        SubstituteTo = new int[ChannelCount];
        for (int c = 0; c < ChannelCount; c++)
        {
            string name = names[c];
            ShareSlots[c] = SlotOf(name, ParameterCatalogue.ChannelShare);
            ContractSlots[c] = SlotOf(name, ParameterCatalogue.ChannelContractMonths);
            OpenSlots[c] = SlotOf(name, ParameterCatalogue.ChannelOpen);
            SubstitutionSlots[c] = SlotOf(name, ParameterCatalogue.ChannelSubstitution);
            VisibilitySlots[c] = SlotOf(name, ParameterCatalogue.ChannelVisibility);
            FeeSlots[c] = SlotOf(name, ParameterCatalogue.ChannelFee);
            SubstituteTo[c] = c < scenario.Channels.Count && scenario.Channels[c].SubstituteTo is { } target ? IndexOf(names, target) : -1;
        }
        var money = scenario.MoneyChannels;
        MoneyShareSlots = new int[money.Count];
        MoneyFeeSlots = new int[money.Count];
        MoneyOpenSlots = new int[money.Count];
        MoneySubstituteTo = new int[money.Count];
        for (int m = 0; m < money.Count; m++)
        {
            string prefix = $"money_channels.{money[m].Name}.";
            MoneyShareSlots[m] = slotOf[prefix + ParameterCatalogue.MoneyChannelShare.KeyPath];
            MoneyFeeSlots[m] = slotOf[prefix + ParameterCatalogue.MoneyChannelFee.KeyPath];
            MoneyOpenSlots[m] = slotOf[prefix + ParameterCatalogue.MoneyChannelOpen.KeyPath];
            int target = -1;
            for (int k = 0; k < money.Count; k++)
            {
                target = money[k].Name == money[m].SubstituteTo ? k : target;
            }
            MoneySubstituteTo[m] = target;
        }
        // Every destination key gets a slot: its parameter's, or one holding the default; a wage or death rate left out
        // follows pay.wage or attrition.death_rate (their timeline changes included).
        var destinations = scenario.Destinations;
        DestinationShareSlots = new int[DestinationCount];
        DestinationWageSlots = new int[DestinationCount];
        DestinationHazardSlots = new int[DestinationCount];
        DestinationDeathSlots = new int[DestinationCount];
        DestinationVisibilitySlots = new int[DestinationCount];
        HasDestinationDemand = destinations.Any(d => d.Demand is not null);
        DestinationDemandSlots = new int[HasDestinationDemand ? 3 * DestinationCount : 0];
        int Constant(double value)
        {
            int slot = slots++;
            constants.Add((slot, value));
            return slot;
        }
        for (int d = 0; d < DestinationCount; d++)
        {
            string prefix = $"destinations.{places[d]}.";
            int Slot(ParameterDefinition key, int fallback) => slotOf.TryGetValue(prefix + key.KeyPath, out int slot) ? slot : fallback;
            DestinationShareSlots[d] = destinations.Count == 0 ? Constant(1) : Slot(ParameterCatalogue.DestinationShare, -1);
            DestinationWageSlots[d] = Slot(ParameterCatalogue.DestinationWage, ParameterCatalogue.PayWage.Index);
            DestinationHazardSlots[d] = destinations.Count == 0 ? Constant(1) : Slot(ParameterCatalogue.DestinationHazardFactor, -1);
            DestinationDeathSlots[d] = Slot(ParameterCatalogue.DestinationDeathRate, ParameterCatalogue.AttritionDeathRate.Index);
            DestinationVisibilitySlots[d] = destinations.Count == 0 ? Constant(1) : Slot(ParameterCatalogue.DestinationVisibility, -1);
            if (HasDestinationDemand)
            {
                // -1: the destination has no curve of its own and shares the scenario's demand with the others like it.
                DestinationDemandSlots[3 * d] = Slot(ParameterCatalogue.DestinationWartime, -1);
                DestinationDemandSlots[3 * d + 1] = Slot(ParameterCatalogue.DestinationPeak, -1);
                DestinationDemandSlots[3 * d + 2] = Slot(ParameterCatalogue.DestinationRampMonths, -1);
            }
        }
        HasDestinationWages = destinations.Any(d => d.Wage is not null) && DestinationCount > 1;
        var transfers = scenario.Transfers;
        TransferFrom = new int[transfers.Count];
        TransferTo = new int[transfers.Count];
        TransferSlots = new int[transfers.Count];
        for (int i = 0; i < transfers.Count; i++)
        {
            TransferFrom[i] = IndexOf(places, transfers[i].From);
            TransferTo[i] = IndexOf(places, transfers[i].To);
            TransferSlots[i] = slotOf[$"transfers[{i}].monthly"];
        }
        SlotCount = slots;
        InitialCopies = [.. copies];
        InitialConstants = [.. constants];

        for (int i = 0; i < scenario.Timeline.Count; i++)
        {
            var entry = scenario.Timeline[i];
            int month = entry.From.MonthsSince(scenario.Start);
            for (int k = 0; k < entry.Settings.Count; k++)
            {
                string key = entry.Settings[k].KeyPath;
                int source = slotOf[$"timeline[{i}].set.{key}"];
                int order = changes.Count + i;
                int target = slotOf.TryGetValue(key, out int slot) ? slot
                    : throw new InvalidOperationException($"timeline key '{key}' names no slot (channels: {string.Join(", ", names)})");
                candidates.Add((month, order, target, source));
                if (target == contractMeanMonths)
                {
                    foreach (var (copy, _) in copies)
                    {
                        candidates.Add((month, order, copy, source));
                    }
                }
            }
        }
        Events = ResolveEvents(candidates, scenario.Months);

        Orders = new RepatriationPlan[scenario.Repatriation.Count];
        for (int r = 0; r < Orders.Length; r++)
        {
            var order = scenario.Repatriation[r];
            // An order covers channels wherever their workers are: every destination's cell of a covered channel.
            var covered = new bool[CellCount];
            for (int k = 0; k < CellCount; k++)
            {
                covered[k] = order.Channels.Count == 0 || order.Channels.Contains(names[k % ChannelCount]);
            }
            Orders[r] = new RepatriationPlan(order.Deadline.MonthsSince(scenario.Start), slotOf[$"repatriation[{r}].compliance"],
                slotOf[$"repatriation[{r}].ramp_months"], slotOf[$"repatriation[{r}].convert"], covered,
                order.ConvertTo is { } to ? IndexOf(names, to) : -1);
        }
        Contingents = new ContingentPlan[scenario.Contingents.Count];
        for (int j = 0; j < Contingents.Length; j++)
        {
            var contingent = scenario.Contingents[j];
            Contingents[j] = new ContingentPlan(contingent.Month.MonthsSince(scenario.Start), slotOf[$"contingents[{j}].workers"],
                (contingent.Destination is { } place ? IndexOf(places, place) : 0) * ChannelCount + IndexOf(names, contingent.Channel), contingent.SpreadMonths,
                slotOf[$"contingents[{j}].pay_per_month"]);
        }
        Adaptive = scenario.Adaptive is { } adaptive ? CompileAdaptive(adaptive, slotOf, copies, contractMeanMonths) : null;
        HasAttrition = MayBePositive(scenario, ParameterCatalogue.AttritionDeathRate) || MayBePositive(scenario, ParameterCatalogue.AttritionDesertionRate);
        HasWithheldPay = WithholdsPay(scenario);
        HasContingentPay = PaysContingents(scenario);
        int extra = OutputCatalogue.SeriesCount + (ChannelCount >= 2 ? 2 * ChannelCount : 0);
        DestinationSeries = DestinationCount >= 2 ? extra : -1;
        extra += DestinationCount >= 2 ? 2 * DestinationCount : 0;
        ArrearsSeries = HasWithheldPay ? extra++ : -1;
        SettlementsSeries = HasWithheldPay ? extra++ : -1;
        ContingentRevenueSeries = HasContingentPay ? extra++ : -1;
        HasMoneyChannels = scenario.MoneyChannels.Count > 0;
        DeliveredSeries = HasMoneyChannels ? extra++ : -1;
        LostSeries = HasMoneyChannels ? extra++ : -1;
        AlwaysZero = new bool[Series.Count];
        AlwaysZero[(int)Catalogue.Series.ForcedExits] = Orders.Length == 0;
        AlwaysZero[(int)Catalogue.Series.Deaths] = !HasAttrition;
        AlwaysZero[(int)Catalogue.Series.Desertions] = !HasAttrition;
        SeriesCopies = new int[Series.Count];
        Array.Fill(SeriesCopies, -1);
        MarkEmptyChannels();
    }

    /// <summary>
    /// The static rule for channels no worker can enter (a closed channel, as the baseline's permits): its stock and
    /// arrivals are always 0, and when one channel is left its stock and arrivals are the scenario's workers and
    /// arrivals, value for value. Only what the scenario's text settles counts: one destination, no repatriation
    /// order (whose conversions re-paper workers into a channel), no contingent, the channel's <c>open</c> fixed at 0
    /// with nothing that changes it (timeline, adaptive policy, posterior), and no initial workers in it. A closed
    /// channel's dispatch is intended x share x 0 = 0, and a substitute's is multiplied by its own <c>open</c> too.
    /// </summary>
    private void MarkEmptyChannels()
    {
        if (ChannelCount < 2 || DestinationCount != 1 || Orders.Length > 0 || Contingents.Length > 0)
        {
            return;
        }
        int left = -1, leftCount = 0;
        for (int c = 0; c < ChannelCount; c++)
        {
            bool empty = HoldsFixed(OpenSlots[c], 0) && (c != 0 || HoldsFixed(ParameterCatalogue.SupplyInitialWorkers.Index, 0));
            if (empty)
            {
                AlwaysZero[OutputCatalogue.SeriesCount + 2 * c] = true;
                AlwaysZero[OutputCatalogue.SeriesCount + 2 * c + 1] = true;
            }
            else
            {
                left = c;
                leftCount++;
            }
        }
        if (leftCount == 1)
        {
            SeriesCopies[OutputCatalogue.SeriesCount + 2 * left] = (int)Catalogue.Series.Workers;
            SeriesCopies[OutputCatalogue.SeriesCount + 2 * left + 1] = (int)Catalogue.Series.Arrivals;
        }
    }

    /// <summary>True when slot <paramref name="slot"/> is <paramref name="value"/> in every run and month.</summary>
    private bool HoldsFixed(int slot, double value)
    {
        bool fixedValue = slot < Parameters.Length
            ? Parameters[slot].IsFixed && Parameters[slot].Mean == value
            : Array.Exists(InitialConstants, constant => constant.Slot == slot && constant.Value == value);
        return fixedValue
            && !Array.Exists(InitialCopies, copy => copy.Slot == slot)
            && !Array.Exists(Events, change => change.Slot == slot)
            && !(Adaptive is { } adaptive && Array.Exists(adaptive.Settings, setting => setting.Slot == slot))
            && !(PosteriorSlots is { } posterior && Array.IndexOf(posterior, slot) >= 0);
    }

    /// <summary>The scenario as given.</summary>
    public Scenario Scenario { get; }

    /// <summary>Horizon T in months.</summary>
    public int Months => Scenario.Months;

    /// <summary>The sampler of the uncertain inputs under a design or correlations; null for independent Monte Carlo draws.</summary>
    public InputSampler? Sampler { get; }


    /// <summary>The month index the run's metrics count from (<see cref="Scenario.MetricsStart"/>).</summary>
    internal int CountFrom => Scenario.MetricsStart.MonthsSince(Scenario.Start);

    /// <summary><c>ceasefire.not_before</c> as the sampler applies it; null when the scenario gives none (or one at its start).</summary>
    internal CeasefireCondition? CeasefireCondition { get; }

    /// <summary>The parameter each column of the scenario's posterior sets, or null without one.</summary>
    public int[]? PosteriorSlots { get; }

    /// <summary>Every parameter, fixed or not, in the order of <see cref="Scenario.Parameters"/>.</summary>
    public InputDistribution[] Parameters { get; }

    /// <summary>Key path of each entry of <see cref="Parameters"/>.</summary>
    public string[] ParameterNames { get; }

    /// <summary>The random stream of each entry of <see cref="Parameters"/>.</summary>
    public int[] StreamPurposes { get; }

    /// <summary>Indices into <see cref="Parameters"/> of the parameters given as distributions.</summary>
    public int[] UncertainParameterIndices { get; }

    /// <summary>
    /// The inputs runs.csv records for each run: the uncertain parameters, and the "no ceasefire at all" draw (0 or 1)
    /// that a run uses instead of its probability, in the probability's column when that is uncertain, else in a
    /// column of its own unless no run can draw it.
    /// </summary>
    public IReadOnlyList<string> RecordedInputNames
    {
        get
        {
            var names = new List<string>();
            foreach (int i in UncertainParameterIndices)
            {
                names.Add(ParameterNames[i]);
            }
            var never = Parameters[ParameterCatalogue.CeasefireNever.Index];
            if (!names.Contains(ParameterCatalogue.CeasefireNever.KeyPath) && !(never.IsFixed && never.Mean == 0))
            {
                names.Add(ParameterCatalogue.CeasefireNever.KeyPath);
            }
            return names;
        }
    }

    /// <summary>Index into <see cref="Parameters"/> of the first hazard change's multiplier; the others follow.</summary>
    public static int FirstHazardChangeMultiplier => ParameterCatalogue.Scalars.Count;

    /// <summary>The monthly series a run of this scenario reports, in the order of the values the model passes to its sink.</summary>
    public IReadOnlyList<OutputDefinition> Series { get; }

    /// <summary>
    /// The monthly series a run of <paramref name="scenario"/> reports: every scenario's (<see cref="OutputCatalogue.AllSeries"/>),
    /// then, with two or more channels, each channel's stock and arrivals.
    /// </summary>
    public static IReadOnlyList<OutputDefinition> SeriesOf(Scenario scenario)
    {
        bool withheld = WithholdsPay(scenario), contingentPay = PaysContingents(scenario);
        if (scenario.Channels.Count < 2 && !withheld && !contingentPay && scenario.MoneyChannels.Count == 0 && scenario.Destinations.Count < 2)
        {
            return OutputCatalogue.AllSeries;
        }
        var series = new List<OutputDefinition>(OutputCatalogue.AllSeries);
        if (scenario.Channels.Count >= 2)
        {
            foreach (var channel in scenario.Channels)
            {
                series.Add(OutputCatalogue.ChannelWorkers(channel.Name));
                series.Add(OutputCatalogue.ChannelArrivals(channel.Name));
            }
        }
        if (scenario.Destinations.Count >= 2)
        {
            foreach (var destination in scenario.Destinations)
            {
                series.Add(OutputCatalogue.DestinationWorkers(destination.Name, destination.Label));
                series.Add(OutputCatalogue.DestinationArrivals(destination.Name, destination.Label));
            }
        }
        // Version 3's money series only where the scenario can make them other than 0: version 2 files keep their outputs.
        if (withheld)
        {
            series.Add(OutputCatalogue.Arrears);
            series.Add(OutputCatalogue.Settlements);
        }
        if (contingentPay)
        {
            series.Add(OutputCatalogue.ContingentRevenue);
        }
        if (scenario.MoneyChannels.Count > 0)
        {
            series.Add(OutputCatalogue.Delivered);
            series.Add(OutputCatalogue.Lost);
        }
        return series;
    }

    /// <summary>True when pay may be withheld in some run or month (pay.withheld_per_month above 0 somewhere).</summary>
    internal static bool WithholdsPay(Scenario scenario) => MayBePositive(scenario, ParameterCatalogue.PayWithheldPerMonth);

    /// <summary>
    /// True when scalar <paramref name="key"/> can be above 0 in some run or month: its distribution, or a timeline
    /// value, reaches above 0. (A posterior only replaces draws of an uncertain input, whose prior then reaches there too.)
    /// </summary>
    private static bool MayBePositive(Scenario scenario, ParameterDefinition key)
    {
        if (ScenarioKeys.Get(key, scenario).SupportMax > 0)
        {
            return true;
        }
        foreach (var entry in scenario.Timeline)
        {
            foreach (var setting in entry.Settings)
            {
                if (setting.KeyPath == key.KeyPath && setting.Value.SupportMax > 0)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>True when some contingent may be paid for (contingents[].pay_per_month above 0).</summary>
    internal static bool PaysContingents(Scenario scenario)
    {
        foreach (var contingent in scenario.Contingents)
        {
            if (contingent.PayPerMonth.SupportMax > 0)
            {
                return true;
            }
        }
        return false;
    }

    internal bool HasWithheldPay { get; }

    internal bool HasContingentPay { get; }

    /// <summary>Index among the run's series values of arrears_usd, settlements_usd and contingent_revenue_usd; -1 where the scenario has none.</summary>
    internal int ArrearsSeries { get; }

    internal int SettlementsSeries { get; }

    internal int ContingentRevenueSeries { get; }

    internal bool HasMoneyChannels { get; }

    /// <summary>Index among the run's series values of delivered_usd and lost_usd; -1 without money channels.</summary>
    internal int DeliveredSeries { get; }

    internal int LostSeries { get; }

    /// <summary>Each money channel's share, fee and open slots, and the index of its substitute (-1 for none).</summary>
    internal int[] MoneyShareSlots { get; }

    internal int[] MoneyFeeSlots { get; }

    internal int[] MoneyOpenSlots { get; }

    internal int[] MoneySubstituteTo { get; }

    /// <summary>
    /// For each of <see cref="Series"/>, true when the scenario cannot make it other than 0 (forced exits without an
    /// order, deaths and desertions without attrition): summaries then count it without storing it.
    /// </summary>
    public bool[] AlwaysZero { get; }

    /// <summary>
    /// For each of <see cref="Series"/>, the series it equals in every run and month by construction (a sole open
    /// channel's stock and arrivals are the workers and arrivals), or -1: summaries then summarise it once.
    /// </summary>
    public int[] SeriesCopies { get; }

    internal bool BeforeDeployment { get; }

    internal bool HasAttrition { get; }

    internal int ChannelCount { get; }

    /// <summary>Destinations (1 without <c>destinations:</c>) and the cells of channels x destinations the loop keeps, cell d x channels + c.</summary>
    internal int DestinationCount { get; }

    internal int CellCount { get; }

    /// <summary>Index among the run's series values of the first destination's workers (then its arrivals, then the next's); -1 with one destination.</summary>
    internal int DestinationSeries { get; }

    internal int[] DestinationShareSlots { get; }

    internal int[] DestinationWageSlots { get; }

    internal int[] DestinationHazardSlots { get; }

    internal int[] DestinationDeathSlots { get; }

    internal int[] DestinationVisibilitySlots { get; }

    /// <summary>
    /// True when some destination has its own demand curve: dispatch then follows the sum of those curves and of the
    /// scenario's demand (for the destinations without one), and goes where demand is unmet.
    /// </summary>
    internal bool HasDestinationDemand { get; }

    /// <summary>Each destination's wartime, peak and ramp slots, in threes; -1 for a destination without its own curve.</summary>
    internal int[] DestinationDemandSlots { get; }

    /// <summary>True when two or more destinations pay different wages: money is then summed cell by cell.</summary>
    internal bool HasDestinationWages { get; }

    internal int[] TransferFrom { get; }

    internal int[] TransferTo { get; }

    internal int[] TransferSlots { get; }

    internal int SlotCount { get; }

    internal int MultiplierSlot { get; }

    internal int[] ShareSlots { get; }

    internal int[] ContractSlots { get; }

    internal int[] OpenSlots { get; }

    internal int[] SubstitutionSlots { get; }

    internal int[] VisibilitySlots { get; }

    internal int[] FeeSlots { get; }

    /// <summary>The channel receiving channel c's blocked dispatch, or -1.</summary>
    internal int[] SubstituteTo { get; }

    /// <summary>Slots set at the start of each run from another slot (channels following contract.mean_months).</summary>
    internal (int Slot, int Source)[] InitialCopies { get; }

    /// <summary>Slots set at the start of each run to a constant (the hazard multiplier; channel keys left at their defaults).</summary>
    internal (int Slot, double Value)[] InitialConstants { get; }

    /// <summary>Slot changes in month order; events dated before start are at month 0, and none is at or after the horizon.</summary>
    internal TimelineEvent[] Events { get; }

    internal RepatriationPlan[] Orders { get; }

    internal ContingentPlan[] Contingents { get; }

    /// <summary>The adaptive policy the runs watch for, or null.</summary>
    internal AdaptivePlan? Adaptive { get; }

    private AdaptivePlan CompileAdaptive(AdaptiveChange adaptive, Dictionary<string, int> slotOf, List<(int Slot, int Source)> copies, int contractMeanMonths)
    {
        int series = -1;
        for (int s = 0; s < Series.Count; s++)
        {
            if (Series[s].Name == adaptive.Trigger.Series)
            {
                series = s;
            }
        }
        if (series < 0)
        {
            throw new ArgumentException($"the signpost watches '{adaptive.Trigger.Series}', which is no series of scenario {Scenario.Name} ({string.Join(", ", Series.Select(d => d.Name))})");
        }
        var settings = new List<(int, double)>();
        foreach (var setting in adaptive.Settings)
        {
            // A hazard change's multiplier sets the multiplier in force, not the change's own input.
            int slot = Scenario.IsHazardMultiplier(setting.KeyPath) ? MultiplierSlot
                : slotOf.TryGetValue(setting.KeyPath, out int found) ? found
                : throw new ArgumentException($"an adaptive policy sets '{setting.KeyPath}', which is no parameter of scenario {Scenario.Name} that can change during a run");
            settings.Add((slot, setting.Value));
            if (slot == contractMeanMonths)
            {
                // Channels whose stay follows contract.mean_months follow the policy's value too.
                foreach (var (copy, _) in copies)
                {
                    settings.Add((copy, setting.Value));
                }
            }
        }
        var kind = Series[series].Kind;
        return new AdaptivePlan(series, kind is Catalogue.OutputKind.Stock or Catalogue.OutputKind.ZeroOne || Series[series].IsBalance, adaptive.Trigger, adaptive.LagMonths, [.. settings]);
    }

    /// <summary>
    /// Turns "from month m, entry e sets slot k to input i" into the changes that actually happen: at each month the
    /// slot holds the value of the latest entry (in file order) dated at or before it.
    /// </summary>
    private static TimelineEvent[] ResolveEvents(List<(int Month, int Order, int Slot, int Source)> candidates, int months)
    {
        var events = new List<TimelineEvent>();
        foreach (var slot in candidates.Select(c => c.Slot).Distinct())
        {
            var ordered = candidates.Where(c => c.Slot == slot).Select(c => c with { Month = Math.Max(0, c.Month) })
                .OrderBy(c => c.Month).ThenBy(c => c.Order).ToList();
            int winner = -1;
            int winnerSource = -1;
            foreach (var candidate in ordered)
            {
                if (candidate.Order > winner)
                {
                    winner = candidate.Order;
                    if (candidate.Source != winnerSource && candidate.Month < months)
                    {
                        events.Add(new TimelineEvent(candidate.Month, slot, candidate.Source));
                    }
                    winnerSource = candidate.Source;
                }
            }
        }
        return [.. events.OrderBy(e => e.Month).ThenBy(e => e.Slot)];
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"no channel named '{name}'");
    }

    // The correlations between inputs that are drawn (uncertain, not set by a posterior): an input fixed later, by
    // --set or a sweep, simply leaves the copula, as a fixed number cannot co-vary.
    private Correlation.InputCopula? CopulaOf(Scenario scenario, Dictionary<string, int> slotOf)
    {
        var members = new List<int>();
        var pairs = new List<(int, int, double)>();
        foreach (var correlation in scenario.Correlations)
        {
            if (!slotOf.TryGetValue(correlation.First, out int first) || !slotOf.TryGetValue(correlation.Second, out int second)
                || Parameters[first].IsFixed || Parameters[second].IsFixed
                || (PosteriorSlots is { } posterior && (posterior.Contains(first) || posterior.Contains(second))))
            {
                continue;
            }
            foreach (int slot in new[] { first, second })
            {
                if (!members.Contains(slot))
                {
                    members.Add(slot);
                }
            }
            pairs.Add((first, second, correlation.Rho));
        }
        if (pairs.Count == 0)
        {
            return null;
        }
        int k = members.Count;
        var rho = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            rho[i, i] = 1;
        }
        foreach (var (first, second, value) in pairs)
        {
            int i = members.IndexOf(first), j = members.IndexOf(second);
            rho[i, j] = value;
            rho[j, i] = value;
        }
        return Correlation.InputCopula.Build([.. members], [.. members.Select(m => ParameterNames[m])], rho);
    }
}
