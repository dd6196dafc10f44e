using System.Runtime.CompilerServices;
using Simulation.Core.Catalogue;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Model;

/// <summary>
/// One Monte Carlo run of the model (docs/model.md, version 2): draws the run's uncertain inputs, then steps months
/// t = 0 .. T-1 in the order docs/model.md states. With one channel and no version 2 mechanism it draws from the
/// same streams in the same order as version 1, so a version 1 scenario with <c>before_deployment: true</c> gives
/// version 1's numbers bit for bit.
/// </summary>
/// <remarks>
/// Stateless and thread safe. Every random number comes from streams keyed by (seed, run, purpose)
/// (<see cref="StreamKey"/>); each uncertain input and each random process has its own stream.
/// Allocation free: inputs go into a caller's buffer, outputs into a struct sink.
/// </remarks>
public static class LaborMigrationModel
{
    /// <summary>Stream of the "no ceasefire at all" draw.</summary>
    public const int CeasefireStream = 1;
    /// <summary>Stream of the arrivals A_t.</summary>
    public const int ArrivalsStream = 2;
    /// <summary>Stream of the returns R_t.</summary>
    public const int ReturnsStream = 3;
    /// <summary>Stream of the enforcement event draws.</summary>
    public const int EnforcementStream = 4;
    /// <summary>Stream of the expulsions X_t.</summary>
    public const int ExpulsionStream = 5;
    /// <summary>Stream of the exchange-rate shocks Z_t.</summary>
    public const int ExchangeRateStream = 6;
    /// <summary>Stream of the forced exits F^c_t of a channel (version 2).</summary>
    public const int ForcedExitStream = 7;
    /// <summary>Stream of the conversions at a deadline, per channel left (version 2).</summary>
    public const int ConversionStream = 8;
    /// <summary>Stream of the deaths D^c_t (version 2).</summary>
    public const int DeathStream = 9;
    /// <summary>Stream of the desertions Y^c_t (version 2).</summary>
    public const int DesertionStream = 10;

    /// <summary>Stream of the transfers between destinations, per cell (model version 3).</summary>
    public const int TransferStream = 11;

    /// <summary>Stream of a run's choice of posterior particle (<see cref="Scenario.Posterior"/>).</summary>
    public const int PosteriorStream = 900_000;

    /// <summary>
    /// Largest number of workers the model represents: stocks and flows stay exact whole numbers far below 2^63,
    /// and beyond this the inputs are not about any labor market.
    /// </summary>
    public const double MaxWorkers = 1e15;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ModelOverflowException Overflow(long run, int month, string message) => new(run, month, message);

    /// <summary>
    /// Step 2's demand D_t in month <paramref name="month"/> for ceasefire month <paramref name="ceasefire"/>
    /// (int.MaxValue for none): wartime demand before it, then a linear ramp to the peak.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double Demand(int month, int ceasefire, double wartime, double peak, double rampMonths) =>
        month >= ceasefire
            ? wartime + (peak - wartime) * Math.Min(1.0, (month - ceasefire + 1) / rampMonths)
            : wartime;

    /// <summary>Step 1's "no ceasefire at all" draw of run <paramref name="run"/>: the first number of its ceasefire stream.</summary>
    public static bool NoCeasefire(long seed, long run, ReadOnlySpan<double> inputs)
    {
        var rng = StreamKey.Generator(seed, run, CeasefireStream);
        return rng.NextDouble() < inputs[ParameterCatalogue.CeasefireNever.Index];
    }

    /// <summary>Step 1's ceasefire month C of run <paramref name="run"/>; int.MaxValue stands for "never" (none at all, or none within the horizon).</summary>
    internal static int CeasefireMonth(CompiledScenario scenario, long seed, long run, ReadOnlySpan<double> inputs)
    {
        double draw = inputs[ParameterCatalogue.CeasefireMonth.Index];
        return NoCeasefire(seed, run, inputs) || draw >= scenario.Months ? int.MaxValue : (int)Math.Max(0, Math.Floor(draw));
    }

    /// <summary>The values in force in month 0 (before the timeline): the run's inputs, with the scenario's constant and copied slots set.</summary>
    internal static void StartValues(CompiledScenario scenario, ReadOnlySpan<double> inputs, Span<double> current)
    {
        inputs.CopyTo(current);
        foreach (var (slot, value) in scenario.InitialConstants)
        {
            current[slot] = value;
        }
        foreach (var (slot, source) in scenario.InitialCopies)
        {
            current[slot] = current[source];
        }
    }

    /// <summary>Draws run <paramref name="run"/>'s value of every parameter into <paramref name="inputs"/> (length = parameter count).</summary>
    public static void SampleInputs(CompiledScenario scenario, long run, Span<double> inputs) =>
        SampleInputs(scenario, scenario.Scenario.Seed, run, inputs);

    /// <summary>As <see cref="SampleInputs(CompiledScenario, long, Span{double})"/>, with streams rooted at <paramref name="seed"/> instead of the scenario's.</summary>
    public static void SampleInputs(CompiledScenario scenario, long seed, long run, Span<double> inputs)
    {
        var parameters = scenario.Parameters;
        var sampler = scenario.Sampler;
        for (int i = 0; i < parameters.Length; i++)
        {
            var distribution = parameters[i];
            if (distribution.IsFixed)
            {
                inputs[i] = distribution.Mean;
                continue;
            }
            if (sampler is null)
            {
                var rng = StreamKey.Generator(seed, run, scenario.StreamPurposes[i]);
                inputs[i] = distribution.Sample(ref rng);
            }
        }
        sampler?.Sample(seed, run, inputs);
        ApplyPosterior(scenario, seed, run, inputs);
        ApplyCeasefireCondition(scenario, inputs);
    }

    /// <summary>The ceasefire draws given that none came before <c>ceasefire.not_before</c> (nothing without one).</summary>
    internal static void ApplyCeasefireCondition(CompiledScenario scenario, Span<double> inputs)
    {
        if (scenario.CeasefireCondition is { } condition)
        {
            Condition(condition, inputs);
        }
    }

    /// <summary>
    /// The ceasefire draws given that none came before month m (<c>ceasefire.not_before</c>): the month's draw x, at
    /// quantile u = F(x) of its distribution, moves to the quantile F(m) + u (1 - F(m)), a draw from the distribution
    /// truncated below m (monotone, so correlations and designs keep their order); "no ceasefire at all", with
    /// probability q, becomes q / (q + (1 - q)(1 - F(m))), its probability given no ceasefire before m.
    /// </summary>
    private static void Condition(CeasefireCondition condition, Span<double> inputs)
    {
        int monthSlot = ParameterCatalogue.CeasefireMonth.Index, neverSlot = ParameterCatalogue.CeasefireNever.Index;
        var distribution = condition.Distribution;
        double before = condition.ProbabilityBefore;
        if (!distribution.IsFixed)
        {
            double u = distribution.Cdf(inputs[monthSlot]);
            inputs[monthSlot] = Math.Max(condition.Month, distribution.Quantile(before + u * (1 - before)));
        }
        double q = inputs[neverSlot];
        double stillPossible = (1 - q) * (1 - before);
        inputs[neverSlot] = q + stillPossible > 0 ? q / (q + stillPossible) : 1;
    }

    /// <summary>Replaces the calibrated inputs of run <paramref name="run"/> by a particle of the scenario's posterior, drawn by weight from the run's own stream.</summary>
    internal static void ApplyPosterior(CompiledScenario scenario, long seed, long run, Span<double> inputs)
    {
        if (scenario.PosteriorSlots is { } slots)
        {
            // The other inputs keep their own streams (common random numbers with the uncalibrated scenario).
            var posterior = scenario.Scenario.Posterior!;
            var rng = StreamKey.Generator(seed, run, PosteriorStream);
            int particle = posterior.Alias.Sample(ref rng);
            for (int j = 0; j < slots.Length; j++)
            {
                inputs[slots[j]] = posterior.Value(particle, j);
            }
        }
    }

    /// <summary>
    /// Runs run <paramref name="run"/> with the inputs drawn by <see cref="SampleInputs(CompiledScenario, long, Span{double})"/>, reporting each month and
    /// the run's metrics to <paramref name="sink"/>.
    /// </summary>
    public static void Simulate<TSink>(CompiledScenario scenario, long run, ReadOnlySpan<double> inputs, ref TSink sink)
        where TSink : struct, IRunSink =>
        Simulate(scenario, scenario.Scenario.Seed, run, inputs, ref sink);

    /// <summary>As <see cref="Simulate{TSink}(CompiledScenario, long, ReadOnlySpan{double}, ref TSink)"/>, with streams rooted at <paramref name="seed"/>.</summary>
    public static void Simulate<TSink>(CompiledScenario scenario, long seed, long run, ReadOnlySpan<double> inputs, ref TSink sink)
        where TSink : struct, IRunSink
    {
        // Version 3's money gets its own instantiation, so that a version 2 scenario's loop carries none of it.
        bool money = scenario.HasContingentPay || scenario.HasWithheldPay || scenario.HasMoneyChannels;
        if (scenario.CellCount == 1)
        {
            if (money)
            {
                Simulate<TSink, OneChannel, WithMoney>(scenario, seed, run, inputs, ref sink);
            }
            else
            {
                Simulate<TSink, OneChannel, NoMoney>(scenario, seed, run, inputs, ref sink);
            }
        }
        else if (money)
        {
            Simulate<TSink, ManyChannels, WithMoney>(scenario, seed, run, inputs, ref sink);
        }
        else
        {
            Simulate<TSink, ManyChannels, NoMoney>(scenario, seed, run, inputs, ref sink);
        }
    }

    /// <summary>Whether a loop keeps its one channel in locals (<see cref="OneChannel"/>) or several in a span (<see cref="ManyChannels"/>); the same for runs side by side.</summary>
    internal interface IChannelLayout
    {
        static abstract bool Single { get; }
    }

    internal readonly struct OneChannel : IChannelLayout
    {
        public static bool Single => true;
    }

    internal readonly struct ManyChannels : IChannelLayout
    {
        public static bool Single => false;
    }

    private interface IMoneyLayout
    {
        static abstract bool On { get; }
    }

    private readonly struct NoMoney : IMoneyLayout
    {
        public static bool On => false;
    }

    private readonly struct WithMoney : IMoneyLayout
    {
        public static bool On => true;
    }

    private static void Simulate<TSink, TLayout, TMoney>(CompiledScenario scenario, long seed, long run, ReadOnlySpan<double> inputs, ref TSink sink)
        where TSink : struct, IRunSink
        where TLayout : struct, IChannelLayout
        where TMoney : struct, IMoneyLayout
    {
        int months = scenario.Months;
        // The loop keeps a cell per channel and destination (cell d x channelCount + c; version 2 scenarios have one
        // destination, so their cells are their channels, with the same streams).
        int channels = TLayout.Single ? 1 : scenario.CellCount;
        int channelCount = TLayout.Single ? 1 : scenario.ChannelCount;
        int destinationCount = TLayout.Single ? 1 : scenario.DestinationCount;
        bool transfers = !TLayout.Single && scenario.TransferSlots.Length > 0;
        bool repatriation = scenario.Orders.Length > 0;
        bool attrition = scenario.HasAttrition;

        var enforcementRng = StreamKey.Generator(seed, run, EnforcementStream);
        var exchangeRateRng = StreamKey.Generator(seed, run, ExchangeRateStream);
        // One channel lives in a local (addressed like plain locals in the loop); several in a span.
        var one = default(ChannelState);
        Span<ChannelState> states = TLayout.Single ? new Span<ChannelState>(ref one) : stackalloc ChannelState[channels];
        for (int c = 0; c < channels; c++)
        {
            // Channel 0 keeps version 1's streams; a process the scenario cannot use gets no generator.
            ref var channel = ref states[c];
            channel.ArrivalsRng = StreamKey.Generator(seed, run, ArrivalsStream, c);
            channel.ReturnsRng = StreamKey.Generator(seed, run, ReturnsStream, c);
            channel.ExpulsionRng = StreamKey.Generator(seed, run, ExpulsionStream, c);
            if (repatriation)
            {
                channel.ForcedRng = StreamKey.Generator(seed, run, ForcedExitStream, c);
                channel.ConversionRng = StreamKey.Generator(seed, run, ConversionStream, c);
            }
            if (attrition)
            {
                channel.DeathRng = StreamKey.Generator(seed, run, DeathStream, c);
                channel.DesertionRng = StreamKey.Generator(seed, run, DesertionStream, c);
            }
            if (transfers)
            {
                channel.TransferRng = StreamKey.Generator(seed, run, TransferStream, c);
            }
        }

        int ceasefire = CeasefireMonth(scenario, seed, run, inputs);

        // The parameters in force: the run's inputs, changed by the timeline from the events' months on.
        Span<double> current = stackalloc double[scenario.SlotCount];
        StartValues(scenario, inputs, current);
        TimelineEvent[] timeline = scenario.Events;
        int nextEvent = 0;
        int nextEventMonth = timeline.Length > 0 ? timeline[0].Month : int.MaxValue;
        int currencySlot = ParameterCatalogue.PayCurrencyPerUsd.Index;
        var parameters = default(MonthParameters);
        double wartimeDemand = 0, peakDemand = 0, rampMonths = 0, dispatchLimit = 0, pool = 0, departureCapacity = 0;
        double wage = 0, fxDrift = 0, fxVolatility = 0, stateShare = 0, baseHazard = 0, hazardPerWorker = 0;
        double deterrence = 0, channelCost = 0, deathRate = 0, desertionRate = 0;
        bool beforeDeployment = scenario.BeforeDeployment;
        double currencyPerUsd = inputs[currencySlot];
        // The rate's log change since currencyPerUsd was last brought up to date: months without paid workers
        // need no rate, so its exp is taken only when money is counted (about half the months of a run).
        double pendingLogChange = 0;
        bool reload = true;

        // Per run: each order's window start, monthly removal rate and conversion probability.
        RepatriationPlan[] orders = scenario.Orders;
        Span<double> orderValues = stackalloc double[3 * orders.Length];
        int firstOrderMonth = int.MaxValue;
        int lastOrderMonth = int.MinValue;
        for (int o = 0; o < orders.Length; o++)
        {
            var order = orders[o];
            double ramp = Math.Max(1, Math.Round(inputs[order.RampSlot], MidpointRounding.AwayFromZero));
            double compliance = inputs[order.ComplianceSlot];
            orderValues[3 * o] = order.Deadline - ramp;
            orderValues[3 * o + 1] = compliance >= 1 ? 1.0 : -double.ExpM1(Math.Log(1 - compliance) / ramp);
            orderValues[3 * o + 2] = inputs[order.ConvertSlot];
            firstOrderMonth = Math.Min(firstOrderMonth, order.Deadline - (int)ramp);
            lastOrderMonth = Math.Max(lastOrderMonth, order.Deadline);
        }
        ContingentPlan[] contingents = scenario.Contingents;
        Span<long> contingentSizes = stackalloc long[contingents.Length];
        for (int j = 0; j < contingents.Length; j++)
        {
            contingentSizes[j] = (long)Math.Round(inputs[contingents[j].WorkersSlot], MidpointRounding.AwayFromZero);
        }
        // Version 3: each contingent's members abroad (they leave with their channel's exits, in proportion) and the
        // arrears account of withheld pay.
        bool contingentPay = TMoney.On && scenario.HasContingentPay;
        bool withheldPay = TMoney.On && scenario.HasWithheldPay;
        Span<double> contingentAbroad = stackalloc double[contingentPay ? contingents.Length : 0];
        bool moneyChannels = TMoney.On && scenario.HasMoneyChannels;
        double totalDelivered = 0;
        double countedDelivered = 0;
        double arrears = 0;
        double totalContingentRevenue = 0;
        double countedContingentRevenue = 0;

        double initialWorkers = Math.Round(inputs[ParameterCatalogue.SupplyInitialWorkers.Index], MidpointRounding.AwayFromZero);
        if (!(initialWorkers <= MaxWorkers))
        {
            throw Overflow(run, 0, $"supply.initial_workers drew {initialWorkers:G4}, beyond {MaxWorkers:G1} workers; narrow its distribution");
        }
        states[0].Stock = (long)initialWorkers;
        long workers = states[0].Stock;
        long events = 0;
        int firstEvent = -1;
        double cumulativeRemittances = 0;
        double cachedHazard = 0;
        double cachedEventProbability = 0;
        long peakWorkers = 0;
        long totalDeployed = 0;
        long workerMonths = 0;
        long totalForcedExits = 0;
        long totalDeaths = 0;
        long totalDesertions = 0;
        double countedRemittances = 0;
        long countedEvents = 0;
        int countFrom = scenario.CountFrom;
        Span<double> month = stackalloc double[scenario.Series.Count];

        // An adaptive policy: the signpost's last months, the month it fired and the month its settings apply from.
        AdaptivePlan? adaptive = scenario.Adaptive;
        Span<double> watched = stackalloc double[adaptive?.Trigger.Months ?? 0];
        int firedMonth = -1;
        int applyMonth = int.MaxValue;

        for (int t = 0; t < months; t++)
        {
            // 1. Timeline: parameters set from this month on.
            bool timelineChanged = false;
            while (nextEventMonth <= t)
            {
                timelineChanged = true;
                var change = timeline[nextEvent];
                current[change.Slot] = inputs[change.Source];
                if (change.Slot == currencySlot)
                {
                    currencyPerUsd = current[currencySlot];
                    pendingLogChange = 0;
                }
                nextEvent++;
                nextEventMonth = nextEvent < timeline.Length ? timeline[nextEvent].Month : int.MaxValue;
                reload = true;
            }
            if (t >= applyMonth && (t == applyMonth || timelineChanged))
            {
                // An adaptive policy holds for the rest of the run, over any later change of the timeline.
                foreach (var (slot, value) in adaptive!.Settings)
                {
                    current[slot] = value;
                    if (slot == currencySlot)
                    {
                        currencyPerUsd = value;
                        pendingLogChange = 0;
                    }
                }
                reload = true;
            }
            if (reload)
            {
                reload = false;
                Reload(scenario, current, ref parameters, states);
                (wartimeDemand, peakDemand, rampMonths, dispatchLimit) = (parameters.WartimeDemand, parameters.PeakDemand, parameters.RampMonths, parameters.DispatchLimit);
                (pool, departureCapacity, wage, fxDrift, fxVolatility) = (parameters.Pool, parameters.DepartureCapacity, parameters.Wage, parameters.FxDrift, parameters.FxVolatility);
                (stateShare, baseHazard, hazardPerWorker, deterrence, channelCost) = (parameters.StateShare, parameters.BaseHazard, parameters.HazardPerWorker, parameters.Deterrence, parameters.ChannelCost);
                (deathRate, desertionRate) = (parameters.DeathRate, parameters.DesertionRate);
            }

            // 2. Phase and demand.
            bool postwar = t >= ceasefire;
            double demand = Demand(t, ceasefire, wartimeDemand, peakDemand, rampMonths);
            if (!TLayout.Single && scenario.HasDestinationDemand)
            {
                demand = DestinationDemand(scenario, current, t, ceasefire, states, channelCount, demand);
            }

            // 3. Intended dispatch, from the total stock.
            double intended = Math.Min(Math.Min(Math.Max(0, demand - workers), dispatchLimit), Math.Max(0, pool - workers));
            if (events >= 1)
            {
                intended *= deterrence;
            }
            if (!(intended <= MaxWorkers))
            {
                throw Overflow(run, t, $"intended dispatch is {intended:G4} workers, beyond {MaxWorkers:G1}; narrow demand.peak, supply.pool or supply.dispatch_per_month");
            }

            // 4-6. Channel split, arrivals and returns.
            long exits;
            if (TLayout.Single)
            {
                one.Intended = intended * one.Share * one.Open;
                exits = ArriveAndReturn(ref one);
            }
            else
            {
                Split(states[..channelCount], scenario.SubstituteTo, intended);
                if (destinationCount > 1)
                {
                    ToDestinations(states, channelCount, destinationCount);
                }
                exits = 0;
                for (int c = 0; c < channels; c++)
                {
                    exits += ArriveAndReturn(ref states[c]);
                }
            }
            if (contingents.Length > 0)
            {
                AddContingents(contingents, contingentSizes, t, states);
            }

            // 7. Forced exits in a repatriation window.
            if (t >= firstOrderMonth && t < lastOrderMonth)
            {
                exits += ForcedExits(orders, orderValues, t, states);
            }

            // 8. Departure capacity: returns first, then forced exits, channel by channel; the rest stay this month.
            if (exits > departureCapacity)
            {
                CutToCapacity(departureCapacity, states);
            }

            // 9. Enforcement strikes only a scheme that exists (unless before_deployment); q = 1 - exp(-h) with expm1 for small h.
            double visibleWorkers;
            if (TLayout.Single)
            {
                visibleWorkers = one.Visibility * workers;
            }
            else
            {
                visibleWorkers = 0;
                for (int c = 0; c < channels; c++)
                {
                    visibleWorkers += states[c].Visibility * states[c].Stock;
                }
            }
            double hazard = workers == 0 && !beforeDeployment ? 0 : baseHazard + hazardPerWorker * visibleWorkers;
            // q = 1 - exp(-h) < h, and ExpM1 is accurate to far better than 1e-15 absolute, so a uniform at or above
            // h + 1e-15 is no event whatever q rounds to: most months decide without computing q (same decisions).
            double enforcementUniform = enforcementRng.NextDouble();
            bool eventHappened = false;
            if (!(enforcementUniform >= hazard + 1e-15))
            {
                if (hazard != cachedHazard)
                {
                    cachedHazard = hazard;
                    cachedEventProbability = -double.ExpM1(-hazard);
                }
                double eventProbability = cachedEventProbability;
                if (double.IsNaN(eventProbability))
                {
                    throw Overflow(run, t, $"the enforcement hazard is undefined (base x multiplier {baseHazard:G4}); narrow enforcement.base_hazard");
                }
                eventHappened = enforcementUniform < eventProbability;
            }
            if (eventHappened)
            {
                events++;
                if (firstEvent < 0)
                {
                    firstEvent = t;
                }
            }

            // 9-11. Expulsions, attrition and the stock, channel by channel.
            if (TMoney.On && contingentPay)
            {
                for (int c = 0; c < channels; c++)
                {
                    states[c].Start = states[c].Stock;
                }
            }
            var flows = default(MonthFlows);
            if (TLayout.Single)
            {
                Leave(ref one, eventHappened, attrition, one.DeathRate, desertionRate, ref flows);
            }
            else
            {
                for (int c = 0; c < channels; c++)
                {
                    Leave(ref states[c], eventHappened, attrition, states[c].DeathRate, desertionRate, ref flows);
                }
            }

            // Version 3: contingents earn their pay for the members abroad, who leave with their channel's exits.
            double contingentRevenue = 0;
            if (TMoney.On && contingentPay)
            {
                contingentRevenue = ContingentRevenue(contingents, contingentSizes, inputs, t, states, contingentAbroad);
                totalContingentRevenue += contingentRevenue;
            }

            // Transfers between destinations (version 3), after the month's exits and before its arrivals count.
            if (transfers)
            {
                Transfer(scenario, current, states, channelCount);
            }

            // 11. Conversions at a deadline: stranded workers re-papered into another channel.
            if (t >= firstOrderMonth && t <= lastOrderMonth)
            {
                Convert(orders, orderValues, t, states, channelCount);
            }

            // 12. Money, for the workers paid for month t, less each channel's fee.
            double paidWorkers;
            long nextWorkers;
            bool wageBill = false;
            if (TLayout.Single)
            {
                nextWorkers = one.Stock;
                paidWorkers = one.Stock * one.KeptAfterFee;
            }
            else
            {
                nextWorkers = 0;
                paidWorkers = 0;
                for (int c = 0; c < channels; c++)
                {
                    nextWorkers += states[c].Stock;
                    paidWorkers += states[c].Stock * states[c].KeptAfterFee;
                }
                if (scenario.HasDestinationWages)
                {
                    // Destinations pay their own wages: the month's wage bill in host currency instead of a head count.
                    paidWorkers = 0;
                    for (int c = 0; c < channels; c++)
                    {
                        paidWorkers += states[c].Stock * states[c].KeptAfterFee * states[c].Wage;
                    }
                    wageBill = true;
                }
            }
            double channelShare = events >= 1 ? 1 - channelCost : 1.0;
            if (pendingLogChange != 0 && paidWorkers != 0)
            {
                currencyPerUsd *= Math.Exp(pendingLogChange);
                pendingLogChange = 0;
            }
            double remittances = paidWorkers * ((wageBill ? 1 : wage) / currencyPerUsd) * stateShare * channelShare;
            cumulativeRemittances += remittances;
            if (!double.IsFinite(cumulativeRemittances))
            {
                throw Overflow(run, t, $"remittances overflowed (wage {wage:G4} at {currencyPerUsd:G4} per USD for {nextWorkers} workers); narrow pay.wage or pay.fx_drift");
            }

            // 12 (version 3). Arrears: the month's leavers take the average balance of its starting stock, paid out
            // (less the deduction) at a normal return and forfeited, in part, at a forced one; then the month's
            // withholding for the workers paid is credited.
            double settlements = 0;
            if (TMoney.On && withheldPay)
            {
                long normal = flows.Returns;
                long forced = flows.Forced + flows.Expelled + flows.Deaths + flows.Desertions;
                double perWorker = workers > 0 ? arrears / workers : 0;
                settlements = perWorker * (normal + forced * (1 - parameters.ForfeitOnForcedExit)) * (1 - parameters.SettlementDeduction);
                arrears += parameters.WithheldPerMonth * nextWorkers - perWorker * (normal + forced);
            }
            // Money channels: the share of the state's revenue that reaches it; the rest is lost on the way.
            double delivered = remittances;
            if (TMoney.On && moneyChannels)
            {
                delivered = remittances * parameters.DeliveredShare;
                totalDelivered += delivered;
            }
            // 13. Exchange rate, applied when next needed; a fixed rate (no drift or noise) stays exact.
            if (fxVolatility > 0)
            {
                pendingLogChange += fxDrift + fxVolatility * StandardNormal.Sample(ref exchangeRateRng);
            }
            else if (fxDrift != 0)
            {
                pendingLogChange += fxDrift;
            }

            // The run's totals and peaks count from the forecast's first month (month 0 unless forecast_from says otherwise).
            if (t >= countFrom)
            {
                peakWorkers = Math.Max(peakWorkers, nextWorkers);
                totalDeployed += flows.Arrivals;
                workerMonths += nextWorkers;
                totalForcedExits += flows.Forced;
                totalDeaths += flows.Deaths;
                totalDesertions += flows.Desertions;
                countedRemittances += remittances;
                countedEvents += eventHappened ? 1 : 0;
                if (TMoney.On)
                {
                    countedContingentRevenue += contingentRevenue;
                    countedDelivered += delivered;
                }
            }
            month[(int)Series.Workers] = nextWorkers;
            month[(int)Series.Arrivals] = flows.Arrivals;
            month[(int)Series.Returns] = flows.Returns;
            month[(int)Series.Expelled] = flows.Expelled;
            month[(int)Series.RemittancesUsd] = remittances;
            month[(int)Series.CumulativeRemittancesUsd] = cumulativeRemittances;
            month[(int)Series.Enforced] = events >= 1 ? 1 : 0;
            month[(int)Series.Postwar] = postwar ? 1 : 0;
            month[(int)Series.ForcedExits] = flows.Forced;
            month[(int)Series.Deaths] = flows.Deaths;
            month[(int)Series.Desertions] = flows.Desertions;
            if (!TLayout.Single)
            {
                if (channelCount > 1)
                {
                    for (int c = 0; c < channelCount; c++)
                    {
                        long stock = 0, arrived = 0;
                        for (int k = c; k < channels; k += channelCount)
                        {
                            stock += states[k].Stock;
                            arrived += states[k].Arrivals;
                        }
                        month[OutputCatalogue.SeriesCount + 2 * c] = stock;
                        month[OutputCatalogue.SeriesCount + 2 * c + 1] = arrived;
                    }
                }
                if (destinationCount > 1)
                {
                    for (int d = 0; d < destinationCount; d++)
                    {
                        long stock = 0, arrived = 0;
                        for (int k = d * channelCount; k < (d + 1) * channelCount; k++)
                        {
                            stock += states[k].Stock;
                            arrived += states[k].Arrivals;
                        }
                        month[scenario.DestinationSeries + 2 * d] = stock;
                        month[scenario.DestinationSeries + 2 * d + 1] = arrived;
                    }
                }
            }
            if (TMoney.On && withheldPay)
            {
                month[scenario.ArrearsSeries] = arrears;
                month[scenario.SettlementsSeries] = settlements;
            }
            if (TMoney.On && contingentPay)
            {
                month[scenario.ContingentRevenueSeries] = contingentRevenue;
            }
            if (TMoney.On && moneyChannels)
            {
                month[scenario.DeliveredSeries] = delivered;
                month[scenario.LostSeries] = remittances - delivered;
            }
            if (adaptive is not null && firedMonth < 0 && Signpost(adaptive, watched, t, month[adaptive.Series]))
            {
                firedMonth = t;
                applyMonth = t + 1 + adaptive.LagMonths;
            }
            sink.Month(t, month);
            workers = nextWorkers;
        }

        var outcome = default(RunOutcome);
        outcome[Metric.PeakWorkers] = peakWorkers;
        outcome[Metric.WorkersEnd] = workers;
        outcome[Metric.TotalDeployed] = totalDeployed;
        outcome[Metric.WorkerMonths] = workerMonths;
        outcome[Metric.RemittancesUsd] = countFrom == 0 ? cumulativeRemittances : countedRemittances;
        outcome[Metric.EnforcementEvents] = countedEvents;
        outcome[Metric.FirstEnforcementMonth] = firstEvent >= 0 ? firstEvent : double.NaN;
        outcome[Metric.CeasefireMonth] = ceasefire < months ? ceasefire : double.NaN;
        outcome[Metric.TotalForcedExits] = totalForcedExits;
        outcome[Metric.TotalDeaths] = totalDeaths;
        outcome[Metric.TotalDesertions] = totalDesertions;
        outcome[Metric.TriggerMonth] = firedMonth >= 0 ? firedMonth : double.NaN;
        outcome[Metric.DeliveredRemittancesUsd] = !moneyChannels ? outcome[Metric.RemittancesUsd] : countFrom == 0 ? totalDelivered : countedDelivered;
        outcome[Metric.TotalContingentRevenueUsd] = !TMoney.On ? 0 : countFrom == 0 ? totalContingentRevenue : countedContingentRevenue;
        sink.End(outcome);
    }

    /// <summary>
    /// True when an adaptive policy's signpost holds at the end of month <paramref name="t"/>: the watched series
    /// (<paramref name="value"/> this month), in each of the last K months for a stock, summed over them for a flow.
    /// </summary>
    private static bool Signpost(AdaptivePlan adaptive, Span<double> watched, int t, double value)
    {
        int k = watched.Length;
        watched[t % k] = value;
        if (t + 1 < k)
        {
            return false;
        }
        var trigger = adaptive.Trigger;
        if (adaptive.IsStock)
        {
            foreach (double month in watched)
            {
                if (!trigger.Holds(month))
                {
                    return false;
                }
            }
            return true;
        }
        double sum = 0;
        foreach (double month in watched)
        {
            sum += month;
        }
        return trigger.Holds(sum);
    }

    /// <summary>Steps 5-6 for one channel: Poisson arrivals of its intended dispatch, binomial returns of its stock; returns the returns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long ArriveAndReturn(ref ChannelState channel)
    {
        channel.Arrivals = Poisson.Sample(ref channel.ArrivalsRng, channel.Intended, ref channel.ArrivalsSetup);
        channel.Returns = Binomial.Sample(ref channel.ReturnsRng, channel.Stock, channel.ReturnProbability, ref channel.ReturnsSetup);
        channel.Forced = 0;
        return channel.Returns;
    }

    /// <summary>Steps 9 (expulsions), 10 (attrition) and 11 (stock) for one channel, adding its flows to the month's totals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Leave(ref ChannelState channel, bool eventHappened, bool attrition, double deathRate, double desertionRate, ref MonthFlows flows)
    {
        long remaining = channel.Stock - channel.Returns - channel.Forced;
        if (eventHappened)
        {
            long expelled = Binomial.Sample(ref channel.ExpulsionRng, remaining, channel.ExpelProbability, ref channel.ExpulsionSetup);
            remaining -= expelled;
            flows.Expelled += expelled;
        }
        if (attrition)
        {
            long died = Binomial.Sample(ref channel.DeathRng, remaining, deathRate, ref channel.DeathSetup);
            long deserted = Binomial.Sample(ref channel.DesertionRng, remaining - died, desertionRate, ref channel.DesertionSetup);
            remaining -= died + deserted;
            flows.Deaths += died;
            flows.Desertions += deserted;
        }
        channel.Stock = remaining + channel.Arrivals;
        flows.Arrivals += channel.Arrivals;
        flows.Returns += channel.Returns;
        flows.Forced += channel.Forced;
    }

    /// <summary>Step 4 with several channels: each its share of open dispatch, then a closed channel's blocked share substituted into another.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Split(Span<ChannelState> states, int[] substituteTo, double intended)
    {
        for (int c = 0; c < states.Length; c++)
        {
            states[c].Intended = intended * states[c].Share * states[c].Open;
        }
        for (int c = 0; c < states.Length; c++)
        {
            ref var channel = ref states[c];
            if (substituteTo[c] >= 0 && channel.Open < 1)
            {
                // A closed substitute takes no arrivals either: what it would carry for another channel is blocked with its own.
                ref var substitute = ref states[substituteTo[c]];
                substitute.Intended += channel.Substitution * intended * channel.Share * (1 - channel.Open) * substitute.Open;
            }
        }
    }

    /// <summary>Step 1 for a month whose parameters changed: the scalars in force, and each channel's (shares normalised).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Reload(CompiledScenario scenario, ReadOnlySpan<double> current, ref MonthParameters p, Span<ChannelState> states)
    {
        p.WartimeDemand = current[ParameterCatalogue.DemandWartime.Index];
        p.PeakDemand = current[ParameterCatalogue.DemandPeak.Index];
        p.RampMonths = current[ParameterCatalogue.DemandRampMonths.Index];
        p.DispatchLimit = current[ParameterCatalogue.SupplyDispatchPerMonth.Index];
        p.Pool = current[ParameterCatalogue.SupplyPool.Index];
        p.DepartureCapacity = Math.Floor(current[ParameterCatalogue.SupplyDepartureCapacity.Index]);
        p.Wage = current[ParameterCatalogue.PayWage.Index];
        p.FxDrift = current[ParameterCatalogue.PayFxDrift.Index];
        p.FxVolatility = current[ParameterCatalogue.PayFxVolatility.Index];
        p.StateShare = current[ParameterCatalogue.PayStateShare.Index];
        p.BaseHazard = current[ParameterCatalogue.EnforcementBaseHazard.Index] * current[scenario.MultiplierSlot];
        p.HazardPerWorker = current[ParameterCatalogue.EnforcementHazardPer1000Workers.Index] / 1000.0;
        p.Deterrence = current[ParameterCatalogue.EnforcementDeterrence.Index];
        p.ChannelCost = current[ParameterCatalogue.EnforcementChannelCost.Index];
        p.DeathRate = current[ParameterCatalogue.AttritionDeathRate.Index];
        p.DesertionRate = current[ParameterCatalogue.AttritionDesertionRate.Index];
        p.WithheldPerMonth = current[ParameterCatalogue.PayWithheldPerMonth.Index];
        p.ForfeitOnForcedExit = current[ParameterCatalogue.PayForfeitOnForcedExit.Index];
        p.SettlementDeduction = current[ParameterCatalogue.PaySettlementDeduction.Index];
        p.DeliveredShare = scenario.HasMoneyChannels ? DeliveredShare(scenario, current) : 1;
        double expelFraction = current[ParameterCatalogue.EnforcementExpelFraction.Index];
        int channelCount = Math.Min(states.Length, scenario.ChannelCount);
        double shares = 0;
        for (int c = 0; c < channelCount; c++)
        {
            shares += current[scenario.ShareSlots[c]];
        }
        double destinationShares = 0;
        for (int d = 0; d < scenario.DestinationCount; d++)
        {
            destinationShares += current[scenario.DestinationShareSlots[d]];
        }
        for (int k = 0; k < states.Length; k++)
        {
            // Cell k is channel k mod C at destination k div C.
            int c = k % channelCount, d = k / channelCount;
            ref var channel = ref states[k];
            // Shares are weights: a timeline that sets one channel's share to 0 leaves the others the whole split.
            channel.Share = shares > 0 ? current[scenario.ShareSlots[c]] / shares : 0;
            channel.DestinationShare = destinationShares > 0 ? current[scenario.DestinationShareSlots[d]] / destinationShares : 0;
            channel.Open = current[scenario.OpenSlots[c]];
            channel.ReturnProbability = 1.0 / current[scenario.ContractSlots[c]];
            channel.Substitution = current[scenario.SubstitutionSlots[c]];
            double visibility = current[scenario.VisibilitySlots[c]] * current[scenario.DestinationVisibilitySlots[d]];
            // The hazard's worker term weighs visible workers by the destination's hazard factor; expulsions by visibility alone.
            channel.Visibility = visibility * current[scenario.DestinationHazardSlots[d]];
            channel.ExpelProbability = Math.Min(1, expelFraction * visibility);
            channel.KeptAfterFee = 1 - current[scenario.FeeSlots[c]];
            channel.DeathRate = current[scenario.DestinationDeathSlots[d]];
            channel.Wage = current[scenario.DestinationWageSlots[d]];
        }
        if (scenario.DestinationCount == 1)
        {
            // One destination's own wage replaces pay.wage.
            p.Wage = current[scenario.DestinationWageSlots[0]];
        }
    }

    /// <summary>
    /// Version 3's share of the state's revenue that reaches it: sum over money channels c of w_c [open_c (1 - f_c) +
    /// (1 - open_c) open_k (1 - f_k)] with k the channel's substitute (the second term 0 without one), weights w
    /// normalised. A closed substitute passes nothing on: closed means closed, as for the legal channels.
    /// </summary>
    private static double DeliveredShare(CompiledScenario scenario, ReadOnlySpan<double> current)
    {
        var shares = scenario.MoneyShareSlots;
        double total = 0;
        for (int c = 0; c < shares.Length; c++)
        {
            total += current[shares[c]];
        }
        if (!(total > 0))
        {
            return 0;
        }
        double delivered = 0;
        for (int c = 0; c < shares.Length; c++)
        {
            double open = current[scenario.MoneyOpenSlots[c]];
            double through = open * (1 - current[scenario.MoneyFeeSlots[c]]);
            int k = scenario.MoneySubstituteTo[c];
            if (k >= 0)
            {
                through += (1 - open) * current[scenario.MoneyOpenSlots[k]] * (1 - current[scenario.MoneyFeeSlots[k]]);
            }
            delivered += current[shares[c]] / total * through;
        }
        return delivered;
    }

    /// <summary>
    /// Version 3's demand when some destination has its own curve: the sum of those curves and of the scenario's demand,
    /// which the destinations without a curve share. Each destination's weight is its part of all unmet demand: a
    /// destination with a curve max(0, D_d - W_d); those without one together max(0, D - W_shared), split among them
    /// by their shares (stocks at the start of the month).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double DestinationDemand(CompiledScenario scenario, ReadOnlySpan<double> current, int t, int ceasefire, Span<ChannelState> states, int channelCount,
        double scenarioDemand)
    {
        int destinations = scenario.DestinationCount;
        var slots = scenario.DestinationDemandSlots;
        double total = 0, unmet = 0, shared = 0, sharedWorkers = 0;
        bool anyShared = false;
        for (int d = 0; d < destinations; d++)
        {
            long there = 0;
            for (int k = d * channelCount; k < (d + 1) * channelCount; k++)
            {
                there += states[k].Stock;
            }
            double gap = 0;
            if (slots[3 * d] < 0)
            {
                anyShared = true;
                sharedWorkers += there;
                shared += current[scenario.DestinationShareSlots[d]];
            }
            else
            {
                double wanted = Demand(t, ceasefire, current[slots[3 * d]], current[slots[3 * d + 1]], current[slots[3 * d + 2]]);
                gap = Math.Max(0, wanted - there);
                total += wanted;
                unmet += gap;
            }
            for (int k = d * channelCount; k < (d + 1) * channelCount; k++)
            {
                states[k].DestinationShare = gap;
            }
        }
        double sharedGap = 0;
        if (anyShared)
        {
            total += scenarioDemand;
            sharedGap = Math.Max(0, scenarioDemand - sharedWorkers);
            unmet += sharedGap;
        }
        for (int d = 0; d < destinations; d++)
        {
            double weight = slots[3 * d] < 0
                ? (shared > 0 ? sharedGap * current[scenario.DestinationShareSlots[d]] / shared : 0)
                : states[d * channelCount].DestinationShare;
            for (int k = d * channelCount; k < (d + 1) * channelCount; k++)
            {
                states[k].DestinationShare = unmet > 0 ? weight / unmet : 0;
            }
        }
        return total;
    }

    /// <summary>Version 3's step 4 across destinations: each channel's intended dispatch (held in the first destination's cells) split by the destinations' weights.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ToDestinations(Span<ChannelState> states, int channelCount, int destinationCount)
    {
        for (int d = destinationCount - 1; d >= 0; d--)
        {
            for (int c = 0; c < channelCount; c++)
            {
                states[d * channelCount + c].Intended = states[c].Intended * states[d * channelCount + c].DestinationShare;
            }
        }
    }

    /// <summary>
    /// Version 3's transfers: each worker at a transfer's origin (not counting the month's arrivals) moves to its
    /// destination with the transfer's probability, at most once a month. Transfers from one origin are drawn one after
    /// another from the workers not yet moved, each with its probability given the earlier ones missed (a multinomial
    /// split), and applied together, so a worker moved this month is not moved again.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Transfer(CompiledScenario scenario, ReadOnlySpan<double> current, Span<ChannelState> states, int channelCount)
    {
        var from = scenario.TransferFrom;
        var to = scenario.TransferTo;
        var slots = scenario.TransferSlots;
        Span<double> used = stackalloc double[scenario.DestinationCount];
        used.Clear();
        for (int k = 0; k < states.Length; k++)
        {
            states[k].MovedOut = 0;
            states[k].MovedIn = 0;
        }
        for (int i = 0; i < slots.Length; i++)
        {
            double p = current[slots[i]];
            double left = 1 - used[from[i]];
            double q = left > 0 ? Math.Min(1, p / left) : 0;
            used[from[i]] += p;
            for (int c = 0; c < channelCount; c++)
            {
                ref var origin = ref states[from[i] * channelCount + c];
                long stayed = origin.Stock - origin.Arrivals - origin.MovedOut;
                // The setup is a cache of q's constants (prepared again when q changes): the same draws, one log fewer a month.
                long moved = Binomial.Sample(ref origin.TransferRng, stayed, q, ref origin.TransferSetup);
                origin.MovedOut += moved;
                states[to[i] * channelCount + c].MovedIn += moved;
            }
        }
        for (int k = 0; k < states.Length; k++)
        {
            states[k].Stock += states[k].MovedIn - states[k].MovedOut;
        }
    }

    /// <summary>Step 5's block arrivals: each contingent's part for month <paramref name="t"/>, the remainder one each in its first months.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddContingents(ContingentPlan[] contingents, ReadOnlySpan<long> sizes, int t, Span<ChannelState> states)
    {
        for (int j = 0; j < contingents.Length; j++)
        {
            var contingent = contingents[j];
            int part = t - contingent.Month;
            if (part >= 0 && part < contingent.SpreadMonths)
            {
                long size = sizes[j];
                states[contingent.Channel].Arrivals += size / contingent.SpreadMonths + (part < size % contingent.SpreadMonths ? 1 : 0);
            }
        }
    }

    /// <summary>
    /// Version 3's contingent revenue for month <paramref name="t"/>: each contingent's members abroad keep the share of
    /// their channel's starting stock that stayed this month, gain this month's part, and earn its pay per member.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double ContingentRevenue(ContingentPlan[] contingents, ReadOnlySpan<long> sizes, ReadOnlySpan<double> inputs, int t,
        Span<ChannelState> states, Span<double> abroad)
    {
        double revenue = 0;
        for (int j = 0; j < contingents.Length; j++)
        {
            var contingent = contingents[j];
            ref var channel = ref states[contingent.Channel];
            // After the month's exits and before its arrivals are added, the channel holds what stayed of its start.
            long kept = channel.Stock - channel.Arrivals;
            if (channel.Start > 0)
            {
                abroad[j] *= (double)kept / channel.Start;
            }
            int part = t - contingent.Month;
            if (part >= 0 && part < contingent.SpreadMonths)
            {
                long size = sizes[j];
                abroad[j] += size / contingent.SpreadMonths + (part < size % contingent.SpreadMonths ? 1 : 0);
            }
            revenue += inputs[contingent.PaySlot] * abroad[j];
        }
        return revenue;
    }

    /// <summary>Step 7: workers removed in the windows of the orders open in month <paramref name="t"/>; returns how many.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ForcedExits(RepatriationPlan[] orders, ReadOnlySpan<double> orderValues, int t, Span<ChannelState> states)
    {
        long total = 0;
        for (int o = 0; o < orders.Length; o++)
        {
            if (t < orderValues[3 * o] || t >= orders[o].Deadline)
            {
                continue;
            }
            bool[] covers = orders[o].Covers;
            for (int c = 0; c < states.Length; c++)
            {
                if (covers[c])
                {
                    ref var channel = ref states[c];
                    long removed = Binomial.Sample(ref channel.ForcedRng, channel.Stock - channel.Returns - channel.Forced, orderValues[3 * o + 1], ref channel.ForcedSetup);
                    channel.Forced += removed;
                    total += removed;
                }
            }
        }
        return total;
    }

    /// <summary>Step 8: returns first, then forced exits, channel by channel, up to the month's departure capacity.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CutToCapacity(double capacity, Span<ChannelState> states)
    {
        double left = capacity;
        for (int c = 0; c < states.Length; c++)
        {
            states[c].Returns = (long)Math.Min(states[c].Returns, left);
            left -= states[c].Returns;
        }
        for (int c = 0; c < states.Length; c++)
        {
            states[c].Forced = (long)Math.Min(states[c].Forced, left);
            left -= states[c].Forced;
        }
    }

    /// <summary>Step 11: at an order's deadline, each worker still in a covered channel moves to convert_to with its probability.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Convert(RepatriationPlan[] orders, ReadOnlySpan<double> orderValues, int t, Span<ChannelState> states, int channelCount)
    {
        for (int o = 0; o < orders.Length; o++)
        {
            var order = orders[o];
            if (order.Deadline != t || order.ConvertTo < 0 || orderValues[3 * o + 2] <= 0)
            {
                continue;
            }
            for (int k = 0; k < states.Length; k++)
            {
                // A converted worker changes channel, not place.
                int target = k - k % channelCount + order.ConvertTo;
                if (order.Covers[k] && k != target)
                {
                    long moved = Binomial.Sample(ref states[k].ConversionRng, states[k].Stock, orderValues[3 * o + 2]);
                    states[k].Stock -= moved;
                    states[target].Stock += moved;
                }
            }
        }
    }
}
