using Simulation.Core.Catalogue;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Model;

/// <summary>
/// One Monte Carlo run of the model (docs/model.md, version 2): draws the run's uncertain inputs, then steps months
/// t = 0 .. T-1 in the order the model states (V2.6). With one channel and no version 2 mechanism it draws from the
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

    /// <summary>Draws run <paramref name="run"/>'s value of every parameter into <paramref name="inputs"/> (length = parameter count).</summary>
    public static void SampleInputs(CompiledScenario scenario, long run, Span<double> inputs) =>
        SampleInputs(scenario, scenario.Scenario.Seed, run, inputs);

    /// <summary>As <see cref="SampleInputs(CompiledScenario, long, Span{double})"/>, with streams rooted at <paramref name="seed"/> instead of the scenario's.</summary>
    public static void SampleInputs(CompiledScenario scenario, long seed, long run, Span<double> inputs)
    {
        var parameters = scenario.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            var distribution = parameters[i];
            if (distribution.IsFixed)
            {
                inputs[i] = distribution.Mean;
                continue;
            }
            var rng = StreamKey.Generator(seed, run, scenario.StreamPurposes[i]);
            inputs[i] = distribution.Sample(ref rng);
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
        int months = scenario.Months;
        int channels = scenario.ChannelCount;

        var ceasefireRng = StreamKey.Generator(seed, run, CeasefireStream);
        var enforcementRng = StreamKey.Generator(seed, run, EnforcementStream);
        var exchangeRateRng = StreamKey.Generator(seed, run, ExchangeRateStream);
        // Per channel: arrivals, returns, expulsions, forced exits, conversions, deaths, desertions. Channel 0 keeps
        // version 1's streams; a process the scenario cannot use gets no generator.
        Span<Xoshiro256StarStar> rngs = stackalloc Xoshiro256StarStar[7 * channels];
        Span<Xoshiro256StarStar> arrivalsRng = rngs[..channels];
        Span<Xoshiro256StarStar> returnsRng = rngs.Slice(channels, channels);
        Span<Xoshiro256StarStar> expulsionRng = rngs.Slice(2 * channels, channels);
        Span<Xoshiro256StarStar> forcedRng = rngs.Slice(3 * channels, channels);
        Span<Xoshiro256StarStar> conversionRng = rngs.Slice(4 * channels, channels);
        Span<Xoshiro256StarStar> deathRng = rngs.Slice(5 * channels, channels);
        Span<Xoshiro256StarStar> desertionRng = rngs.Slice(6 * channels, channels);
        bool repatriation = scenario.Orders.Length > 0;
        bool attrition = scenario.HasAttrition;
        for (int c = 0; c < channels; c++)
        {
            arrivalsRng[c] = StreamKey.Generator(seed, run, ArrivalsStream, c);
            returnsRng[c] = StreamKey.Generator(seed, run, ReturnsStream, c);
            expulsionRng[c] = StreamKey.Generator(seed, run, ExpulsionStream, c);
            if (repatriation)
            {
                forcedRng[c] = StreamKey.Generator(seed, run, ForcedExitStream, c);
                conversionRng[c] = StreamKey.Generator(seed, run, ConversionStream, c);
            }
            if (attrition)
            {
                deathRng[c] = StreamKey.Generator(seed, run, DeathStream, c);
                desertionRng[c] = StreamKey.Generator(seed, run, DesertionStream, c);
            }
        }
        Span<PoissonSetup> arrivalsSetup = stackalloc PoissonSetup[channels];
        Span<BinomialSetup> setups = stackalloc BinomialSetup[5 * channels];
        Span<BinomialSetup> returnsSetup = setups[..channels];
        Span<BinomialSetup> expulsionSetup = setups.Slice(channels, channels);
        Span<BinomialSetup> forcedSetup = setups.Slice(2 * channels, channels);
        Span<BinomialSetup> deathSetup = setups.Slice(3 * channels, channels);
        Span<BinomialSetup> desertionSetup = setups.Slice(4 * channels, channels);

        // Step 1's ceasefire month C; int.MaxValue stands for "never".
        bool noCeasefire = ceasefireRng.NextDouble() < inputs[ParameterCatalogue.CeasefireNever.Index];
        double ceasefireDraw = inputs[ParameterCatalogue.CeasefireMonth.Index];
        int ceasefire = noCeasefire || ceasefireDraw >= months ? int.MaxValue : (int)Math.Max(0, Math.Floor(ceasefireDraw));

        // The parameters in force: the run's inputs, changed by the timeline from the events' months on.
        Span<double> current = stackalloc double[scenario.SlotCount];
        inputs.CopyTo(current);
        foreach (var (slot, value) in scenario.InitialConstants)
        {
            current[slot] = value;
        }
        foreach (var (slot, source) in scenario.InitialCopies)
        {
            current[slot] = current[source];
        }
        TimelineEvent[] timeline = scenario.Events;
        int nextEvent = 0;
        int nextEventMonth = timeline.Length > 0 ? timeline[0].Month : int.MaxValue;
        int currencySlot = ParameterCatalogue.PayCurrencyPerUsd.Index;

        double wartimeDemand = 0, peakDemand = 0, rampMonths = 0, dispatchLimit = 0, pool = 0, departureCapacity = 0;
        double wage = 0, fxDrift = 0, fxVolatility = 0, stateShare = 0, baseHazard = 0, hazardPerWorker = 0;
        double expelFraction = 0, deterrence = 0, channelCost = 0, deathRate = 0, desertionRate = 0;
        double currencyPerUsd = inputs[currencySlot];
        // Per channel: normalised share, open, monthly exit probability, substitution, visibility, expel probability, 1 - fee.
        Span<double> channelParameters = stackalloc double[7 * channels];
        Span<double> share = channelParameters[..channels];
        Span<double> open = channelParameters.Slice(channels, channels);
        Span<double> returnProbability = channelParameters.Slice(2 * channels, channels);
        Span<double> substitution = channelParameters.Slice(3 * channels, channels);
        Span<double> visibility = channelParameters.Slice(4 * channels, channels);
        Span<double> expelProbability = channelParameters.Slice(5 * channels, channels);
        Span<double> keptAfterFee = channelParameters.Slice(6 * channels, channels);
        int[] substituteTo = scenario.SubstituteTo;
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

        double initialWorkers = Math.Round(inputs[ParameterCatalogue.SupplyInitialWorkers.Index], MidpointRounding.AwayFromZero);
        if (!(initialWorkers <= MaxWorkers))
        {
            throw Overflow(run, 0, $"supply.initial_workers drew {initialWorkers:G4}, beyond {MaxWorkers:G1} workers; narrow its distribution");
        }
        // Per channel: the stock W^c, and this month's intended dispatch, arrivals, returns, forced exits and expulsions.
        Span<long> stock = stackalloc long[channels];
        Span<double> intendedByChannel = stackalloc double[channels];
        Span<long> flows = stackalloc long[4 * channels];
        Span<long> arrivalsByChannel = flows[..channels];
        Span<long> returnsByChannel = flows.Slice(channels, channels);
        Span<long> forcedByChannel = flows.Slice(2 * channels, channels);
        Span<long> expelledByChannel = flows.Slice(3 * channels, channels);
        stock[0] = (long)initialWorkers;
        long workers = stock[0];
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
        Span<double> month = stackalloc double[scenario.Series.Count];

        for (int t = 0; t < months; t++)
        {
            // 1. Timeline: parameters set from this month on.
            while (nextEventMonth <= t)
            {
                var change = timeline[nextEvent];
                current[change.Slot] = inputs[change.Source];
                if (change.Slot == currencySlot)
                {
                    currencyPerUsd = current[currencySlot];
                }
                nextEvent++;
                nextEventMonth = nextEvent < timeline.Length ? timeline[nextEvent].Month : int.MaxValue;
                reload = true;
            }
            if (reload)
            {
                reload = false;
                wartimeDemand = current[ParameterCatalogue.DemandWartime.Index];
                peakDemand = current[ParameterCatalogue.DemandPeak.Index];
                rampMonths = current[ParameterCatalogue.DemandRampMonths.Index];
                dispatchLimit = current[ParameterCatalogue.SupplyDispatchPerMonth.Index];
                pool = current[ParameterCatalogue.SupplyPool.Index];
                departureCapacity = Math.Floor(current[ParameterCatalogue.SupplyDepartureCapacity.Index]);
                wage = current[ParameterCatalogue.PayWage.Index];
                fxDrift = current[ParameterCatalogue.PayFxDrift.Index];
                fxVolatility = current[ParameterCatalogue.PayFxVolatility.Index];
                stateShare = current[ParameterCatalogue.PayStateShare.Index];
                baseHazard = current[ParameterCatalogue.EnforcementBaseHazard.Index] * current[scenario.MultiplierSlot];
                hazardPerWorker = current[ParameterCatalogue.EnforcementHazardPer1000Workers.Index] / 1000.0;
                expelFraction = current[ParameterCatalogue.EnforcementExpelFraction.Index];
                deterrence = current[ParameterCatalogue.EnforcementDeterrence.Index];
                channelCost = current[ParameterCatalogue.EnforcementChannelCost.Index];
                deathRate = current[ParameterCatalogue.AttritionDeathRate.Index];
                desertionRate = current[ParameterCatalogue.AttritionDesertionRate.Index];
                double shares = 0;
                for (int c = 0; c < channels; c++)
                {
                    shares += current[scenario.ShareSlots[c]];
                }
                for (int c = 0; c < channels; c++)
                {
                    // Shares are weights: a timeline that closes one channel's share leaves the others to fill the split.
                    share[c] = shares > 0 ? current[scenario.ShareSlots[c]] / shares : 0;
                    open[c] = current[scenario.OpenSlots[c]];
                    returnProbability[c] = 1.0 / current[scenario.ContractSlots[c]];
                    substitution[c] = current[scenario.SubstitutionSlots[c]];
                    visibility[c] = current[scenario.VisibilitySlots[c]];
                    expelProbability[c] = Math.Min(1, expelFraction * visibility[c]);
                    keptAfterFee[c] = 1 - current[scenario.FeeSlots[c]];
                }
            }

            // 2. Phase and demand.
            bool postwar = t >= ceasefire;
            double demand = Demand(t, ceasefire, wartimeDemand, peakDemand, rampMonths);

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

            // 4. Channel split: a closed channel's dispatch is lost, except the share substituted into another channel.
            for (int c = 0; c < channels; c++)
            {
                intendedByChannel[c] = intended * share[c] * open[c];
            }
            for (int c = 0; c < channels; c++)
            {
                if (substituteTo[c] >= 0 && open[c] < 1)
                {
                    intendedByChannel[substituteTo[c]] += substitution[c] * intended * share[c] * (1 - open[c]);
                }
            }

            // 5-6. Arrivals (contingents on top) and returns.
            long arrivals = 0;
            long exits = 0;
            for (int c = 0; c < channels; c++)
            {
                arrivalsByChannel[c] = Poisson.Sample(ref arrivalsRng[c], intendedByChannel[c], ref arrivalsSetup[c]);
                returnsByChannel[c] = Binomial.Sample(ref returnsRng[c], stock[c], returnProbability[c], ref returnsSetup[c]);
                forcedByChannel[c] = 0;
                exits += returnsByChannel[c];
            }
            for (int j = 0; j < contingents.Length; j++)
            {
                var contingent = contingents[j];
                int part = t - contingent.Month;
                if (part >= 0 && part < contingent.SpreadMonths)
                {
                    long size = contingentSizes[j];
                    arrivalsByChannel[contingent.Channel] += size / contingent.SpreadMonths + (part < size % contingent.SpreadMonths ? 1 : 0);
                }
            }

            // 7. Forced exits in a repatriation window.
            if (t >= firstOrderMonth && t < lastOrderMonth)
            {
                for (int o = 0; o < orders.Length; o++)
                {
                    if (t < orderValues[3 * o] || t >= orders[o].Deadline)
                    {
                        continue;
                    }
                    bool[] covers = orders[o].Covers;
                    for (int c = 0; c < channels; c++)
                    {
                        if (covers[c])
                        {
                            long removed = Binomial.Sample(ref forcedRng[c], stock[c] - returnsByChannel[c] - forcedByChannel[c], orderValues[3 * o + 1], ref forcedSetup[c]);
                            forcedByChannel[c] += removed;
                            exits += removed;
                        }
                    }
                }
            }

            // 8. Departure capacity: returns first, then forced exits, channel by channel; the rest stay this month.
            if (exits > departureCapacity)
            {
                double left = departureCapacity;
                for (int c = 0; c < channels; c++)
                {
                    returnsByChannel[c] = (long)Math.Min(returnsByChannel[c], left);
                    left -= returnsByChannel[c];
                }
                for (int c = 0; c < channels; c++)
                {
                    forcedByChannel[c] = (long)Math.Min(forcedByChannel[c], left);
                    left -= forcedByChannel[c];
                }
            }

            // 9. Enforcement strikes only a scheme that exists (unless before_deployment); q = 1 - exp(-h) with expm1 for small h.
            double visibleWorkers = 0;
            if (channels == 1)
            {
                visibleWorkers = visibility[0] * workers;
            }
            else
            {
                for (int c = 0; c < channels; c++)
                {
                    visibleWorkers += visibility[c] * stock[c];
                }
            }
            double hazard = workers == 0 && !scenario.BeforeDeployment ? 0 : baseHazard + hazardPerWorker * visibleWorkers;
            if (hazard != cachedHazard)
            {
                // The hazard repeats while the stock and multiplier stay put (often for months): skip expm1 then.
                cachedHazard = hazard;
                cachedEventProbability = -double.ExpM1(-hazard);
            }
            double eventProbability = cachedEventProbability;
            if (double.IsNaN(eventProbability))
            {
                throw Overflow(run, t, $"the enforcement hazard is undefined (base x multiplier {baseHazard:G4}); narrow enforcement.base_hazard");
            }
            long expelled = 0;
            bool eventHappened = enforcementRng.NextDouble() < eventProbability;
            if (eventHappened)
            {
                events++;
                if (firstEvent < 0)
                {
                    firstEvent = t;
                }
            }

            // 9-11. Expulsions, attrition and the stock, channel by channel.
            long nextWorkers = 0;
            long returns = 0, forcedExits = 0, deaths = 0, desertions = 0;
            arrivals = 0;
            for (int c = 0; c < channels; c++)
            {
                long remaining = stock[c] - returnsByChannel[c] - forcedByChannel[c];
                long expelledHere = eventHappened ? Binomial.Sample(ref expulsionRng[c], remaining, expelProbability[c], ref expulsionSetup[c]) : 0;
                expelledByChannel[c] = expelledHere;
                remaining -= expelledHere;
                if (attrition)
                {
                    long died = Binomial.Sample(ref deathRng[c], remaining, deathRate, ref deathSetup[c]);
                    long deserted = Binomial.Sample(ref desertionRng[c], remaining - died, desertionRate, ref desertionSetup[c]);
                    remaining -= died + deserted;
                    deaths += died;
                    desertions += deserted;
                }
                stock[c] = remaining + arrivalsByChannel[c];
                nextWorkers += stock[c];
                arrivals += arrivalsByChannel[c];
                returns += returnsByChannel[c];
                forcedExits += forcedByChannel[c];
                expelled += expelledHere;
            }

            // 11. Conversions at a deadline: stranded workers re-papered into another channel.
            if (repatriation)
            {
                for (int o = 0; o < orders.Length; o++)
                {
                    var order = orders[o];
                    if (order.Deadline != t || order.ConvertTo < 0 || orderValues[3 * o + 2] <= 0)
                    {
                        continue;
                    }
                    for (int c = 0; c < channels; c++)
                    {
                        if (order.Covers[c] && c != order.ConvertTo)
                        {
                            long moved = Binomial.Sample(ref conversionRng[c], stock[c], orderValues[3 * o + 2]);
                            stock[c] -= moved;
                            stock[order.ConvertTo] += moved;
                        }
                    }
                }
            }

            // 12. Money, for the workers paid for month t, less each channel's fee.
            double paidWorkers = 0;
            for (int c = 0; c < channels; c++)
            {
                paidWorkers += stock[c] * keptAfterFee[c];
            }
            double channelShare = events >= 1 ? 1 - channelCost : 1.0;
            double remittances = paidWorkers * (wage / currencyPerUsd) * stateShare * channelShare;
            cumulativeRemittances += remittances;
            if (!double.IsFinite(cumulativeRemittances))
            {
                throw Overflow(run, t, $"remittances overflowed (wage {wage:G4} at {currencyPerUsd:G4} per USD for {nextWorkers} workers); narrow pay.wage or pay.fx_drift");
            }

            // 13. Exchange rate; multiplying by exp(0) keeps a fixed rate exact when there is no drift or noise.
            if (fxVolatility > 0)
            {
                currencyPerUsd *= Math.Exp(fxDrift + fxVolatility * StandardNormal.Sample(ref exchangeRateRng));
            }
            else if (fxDrift != 0)
            {
                currencyPerUsd *= Math.Exp(fxDrift);
            }

            peakWorkers = Math.Max(peakWorkers, nextWorkers);
            totalDeployed += arrivals;
            workerMonths += nextWorkers;
            totalForcedExits += forcedExits;
            totalDeaths += deaths;
            totalDesertions += desertions;
            month[(int)Series.Workers] = nextWorkers;
            month[(int)Series.Arrivals] = arrivals;
            month[(int)Series.Returns] = returns;
            month[(int)Series.Expelled] = expelled;
            month[(int)Series.RemittancesUsd] = remittances;
            month[(int)Series.CumulativeRemittancesUsd] = cumulativeRemittances;
            month[(int)Series.Enforced] = events >= 1 ? 1 : 0;
            month[(int)Series.Postwar] = postwar ? 1 : 0;
            month[(int)Series.ForcedExits] = forcedExits;
            month[(int)Series.Deaths] = deaths;
            month[(int)Series.Desertions] = desertions;
            if (month.Length > OutputCatalogue.SeriesCount)
            {
                for (int c = 0; c < channels; c++)
                {
                    month[OutputCatalogue.SeriesCount + 2 * c] = stock[c];
                    month[OutputCatalogue.SeriesCount + 2 * c + 1] = arrivalsByChannel[c];
                }
            }
            sink.Month(t, month);
            workers = nextWorkers;
        }

        var outcome = default(RunOutcome);
        outcome[Metric.PeakWorkers] = peakWorkers;
        outcome[Metric.WorkersEnd] = workers;
        outcome[Metric.TotalDeployed] = totalDeployed;
        outcome[Metric.WorkerMonths] = workerMonths;
        outcome[Metric.RemittancesUsd] = cumulativeRemittances;
        outcome[Metric.EnforcementEvents] = events;
        outcome[Metric.FirstEnforcementMonth] = firstEvent >= 0 ? firstEvent : double.NaN;
        outcome[Metric.CeasefireMonth] = ceasefire < months ? ceasefire : double.NaN;
        outcome[Metric.TotalForcedExits] = totalForcedExits;
        outcome[Metric.TotalDeaths] = totalDeaths;
        outcome[Metric.TotalDesertions] = totalDesertions;
        sink.End(outcome);
    }
}
