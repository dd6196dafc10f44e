using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simulation.Core.Catalogue;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Model;

/// <summary>
/// Four runs of <see cref="LaborMigrationModel"/> side by side, one per lane of a <see cref="Vector256{T}"/>, for the
/// scenarios of version 2's form at one destination (any number of channels; no repatriation order, attrition,
/// contingent, version 3 money or adaptive policy): each lane draws from its run's own streams exactly what the scalar
/// model draws and gives the same values, bit for bit, so the scalar model stays the reference.
/// </summary>
/// <remarks>
/// Version 1's form (one channel workers can enter, the others closed for good) keeps that channel in locals; several
/// live channels each keep a <see cref="LaneChannel"/>. Counts are held as doubles (whole numbers below 2^53, as
/// <see cref="LaborMigrationModel.MaxWorkers"/> keeps them). A lane that meets anything the scalar model would stop on
/// (an overflow, an undefined hazard) or a total beyond 2^53 is run again by the scalar model, which then throws as it
/// would or gives the exact totals.
/// </remarks>
internal static class LaneModel
{
    public const int Lanes = Xoshiro256Lanes.Count;

    private const double ExactWhole = 9007199254740992.0; // 2^53

    /// <summary>
    /// True when this machine has 256-bit vectors and <paramref name="scenario"/> has version 2's form at one destination:
    /// no destination demand or wages, repatriation order, attrition, contingent, version 3 money or adaptive policy.
    /// </summary>
    public static bool Applies(CompiledScenario scenario) =>
        Vector256.IsHardwareAccelerated
        && OneDestination(scenario)
        && !scenario.HasContingentPay && !scenario.HasWithheldPay && !scenario.HasMoneyChannels
        && scenario.Orders.Length == 0 && scenario.Contingents.Length == 0 && !scenario.HasAttrition
        && scenario.Adaptive is null;

    /// <summary>One destination without demand or wages of its own, and no series beyond the channels' stocks and arrivals.</summary>
    private static bool OneDestination(CompiledScenario scenario) =>
        scenario.DestinationCount == 1 && !scenario.HasDestinationDemand && !scenario.HasDestinationWages
        && scenario.Series.Count == OutputCatalogue.SeriesCount + (scenario.ChannelCount > 1 ? 2 * scenario.ChannelCount : 0);

    /// <summary>
    /// The one channel workers can enter at the one destination, when at most one closed channel passes its blocked
    /// share to it; -1 otherwise. The closed channels' stocks and flows are 0 in every run and month, and they draw
    /// nothing (a sampler with no trials or no mean returns 0 without a draw), so the live channel alone gives the
    /// scalar model's numbers.
    /// </summary>
    internal static int LiveChannel(CompiledScenario scenario)
    {
        if (!OneDestination(scenario))
        {
            return -1;
        }
        int channels = scenario.ChannelCount;
        if (channels == 1)
        {
            return 0;
        }
        int live = -1;
        for (int c = 0; c < channels; c++)
        {
            if (scenario.SeriesCopies[OutputCatalogue.SeriesCount + 2 * c] == (int)Series.Workers)
            {
                live = c;
            }
        }
        return live >= 0 && FeedingChannel(scenario, live) >= -1 ? live : -1;
    }

    /// <summary>The closed channel whose blocked share goes to <paramref name="live"/> (-1 for none; -2 when several do).</summary>
    internal static int FeedingChannel(CompiledScenario scenario, int live)
    {
        int feeding = -1;
        for (int c = 0; c < scenario.ChannelCount; c++)
        {
            if (c != live && scenario.SubstituteTo[c] == live)
            {
                feeding = feeding == -1 ? c : -2;
            }
        }
        return feeding;
    }

    /// <summary>
    /// Runs <paramref name="firstRun"/> .. <paramref name="firstRun"/> + 3 with streams rooted at <paramref name="seed"/>;
    /// <paramref name="inputs"/> holds each run's inputs one after the other (as
    /// <see cref="LaborMigrationModel.SampleInputs(CompiledScenario, long, long, Span{double})"/> draws them). The months go
    /// to <paramref name="sink"/>, the runs' metrics to <paramref name="outcomes"/>.
    /// </summary>
    public static void Simulate<TSink>(CompiledScenario scenario, long seed, long firstRun, ReadOnlySpan<double> inputs, ref TSink sink, Span<RunOutcome> outcomes)
        where TSink : struct, ILaneSink
    {
        // One live channel is kept in locals, as the scalar model keeps a single channel; several each in a LaneChannel.
        int live = LiveChannel(scenario);
        if (live >= 0)
        {
            Simulate<TSink, LaborMigrationModel.OneChannel>(scenario, seed, firstRun, inputs, ref sink, outcomes, live);
        }
        else
        {
            Simulate<TSink, LaborMigrationModel.ManyChannels>(scenario, seed, firstRun, inputs, ref sink, outcomes, -1);
        }
    }

    private static void Simulate<TSink, TLayout>(CompiledScenario scenario, long seed, long firstRun, ReadOnlySpan<double> inputs, ref TSink sink,
        Span<RunOutcome> outcomes, int live)
        where TSink : struct, ILaneSink
        where TLayout : struct, LaborMigrationModel.IChannelLayout
    {
        int months = scenario.Months;
        int parameterCount = scenario.Parameters.Length;
        int slots = scenario.SlotCount;
        int currencySlot = ParameterCatalogue.PayCurrencyPerUsd.Index;
        int channels = scenario.ChannelCount;
        int[] substituteTo = scenario.SubstituteTo;
        Span<double> current = stackalloc double[Lanes * slots];
        Span<double> start = stackalloc double[3 * Lanes];
        // Version 1's form keeps its one live channel in these locals; several live channels each have a cell.
        var arrivalsRng = default(Xoshiro256Lanes);
        var returnsRng = default(Xoshiro256Lanes);
        var expulsionRng = default(Xoshiro256Lanes);
        Span<LaneChannel> cells = TLayout.Single ? default : stackalloc LaneChannel[channels];
        var enforcementRng = default(Xoshiro256Lanes);
        var exchangeRateRng = default(Xoshiro256Lanes);
        for (int lane = 0; lane < Lanes; lane++)
        {
            long run = firstRun + lane;
            if (TLayout.Single)
            {
                arrivalsRng.SetLane(lane, StreamKey.Generator(seed, run, LaborMigrationModel.ArrivalsStream, live));
                returnsRng.SetLane(lane, StreamKey.Generator(seed, run, LaborMigrationModel.ReturnsStream, live));
                expulsionRng.SetLane(lane, StreamKey.Generator(seed, run, LaborMigrationModel.ExpulsionStream, live));
            }
            else
            {
                for (int c = 0; c < channels; c++)
                {
                    cells[c].ArrivalsRng.SetLane(lane, StreamKey.Generator(seed, run, LaborMigrationModel.ArrivalsStream, c));
                    cells[c].ReturnsRng.SetLane(lane, StreamKey.Generator(seed, run, LaborMigrationModel.ReturnsStream, c));
                    cells[c].ExpulsionRng.SetLane(lane, StreamKey.Generator(seed, run, LaborMigrationModel.ExpulsionStream, c));
                }
            }
            enforcementRng.SetLane(lane, StreamKey.Generator(seed, run, LaborMigrationModel.EnforcementStream));
            exchangeRateRng.SetLane(lane, StreamKey.Generator(seed, run, LaborMigrationModel.ExchangeRateStream));
            Prepare(scenario, seed, run, inputs.Slice(lane * parameterCount, parameterCount), current.Slice(lane * slots, slots), start, lane);
        }
        var ceasefire = Vector256.Create((ReadOnlySpan<double>)start[..Lanes]);
        var currencyPerUsd = Vector256.Create((ReadOnlySpan<double>)start.Slice(Lanes, Lanes));
        var workers = Vector256.Create((ReadOnlySpan<double>)start.Slice(2 * Lanes, Lanes));
        // A lane whose initial workers were out of range is finished by the scalar model (which throws).
        var anomalous = Vector256.IsNaN(workers);
        workers = Vector256.ConditionalSelect(anomalous, Vector256<double>.Zero, workers);
        if (!TLayout.Single)
        {
            // The scalar model starts channel 0 with the initial workers.
            cells[0].Stock = workers;
        }
        var parameters = LaneParameters.Load(scenario, current, slots, live, cells);
        TimelineEvent[] timeline = scenario.Events;
        int nextEvent = 0;

        var zero = Vector256<double>.Zero;
        var one = Vector256.Create(1.0);
        var maxWorkers = Vector256.Create(LaborMigrationModel.MaxWorkers);
        var noBeforeDeployment = scenario.BeforeDeployment ? zero : Vector256<double>.AllBitsSet;
        var events = zero;
        var firstEvent = Vector256.Create(-1.0);
        var cumulativeRemittances = zero;
        var pendingLogChange = zero;
        var peakWorkers = zero;
        var totalDeployed = zero;
        var workerMonths = zero;
        var countedRemittances = zero;
        var countedEvents = zero;
        int countFrom = scenario.CountFrom;
        Span<Vector256<double>> month = stackalloc Vector256<double>[scenario.Series.Count];
        month.Clear();

        for (int t = 0; t < months; t++)
        {
            // 1. Timeline: the same months for every lane, each lane its own values.
            if (nextEvent < timeline.Length && timeline[nextEvent].Month <= t)
            {
                for (; nextEvent < timeline.Length && timeline[nextEvent].Month <= t; nextEvent++)
                {
                    var change = timeline[nextEvent];
                    for (int lane = 0; lane < Lanes; lane++)
                    {
                        double value = inputs[lane * parameterCount + change.Source];
                        current[lane * slots + change.Slot] = value;
                        if (change.Slot == currencySlot)
                        {
                            currencyPerUsd = LaneVector.Replace(currencyPerUsd, lane, value);
                            pendingLogChange = LaneVector.Replace(pendingLogChange, lane, 0);
                        }
                    }
                }
                parameters = LaneParameters.Load(scenario, current, slots, live, cells);
            }
            var time = Vector256.Create((double)t);
            // 2. Phase and demand (LaborMigrationModel.Demand in every lane).
            var postwar = Vector256.GreaterThanOrEqual(time, ceasefire);
            var ramped = parameters.Wartime + (parameters.Peak - parameters.Wartime) * Vector256.Min(one, (time - ceasefire + one) / parameters.Ramp);
            var demand = Vector256.ConditionalSelect(postwar, ramped, parameters.Wartime);
            var enforced = Vector256.GreaterThanOrEqual(events, one);

            // 3. Intended dispatch.
            var intended = Vector256.Min(Vector256.Min(Vector256.Max(zero, demand - workers), parameters.DispatchLimit), Vector256.Max(zero, parameters.Pool - workers));
            intended = Vector256.ConditionalSelect(enforced, intended * parameters.Deterrence, intended);
            var outOfRange = ~Vector256.LessThanOrEqual(intended, maxWorkers);
            if (outOfRange != zero)
            {
                anomalous |= outOfRange;
                intended = Vector256.ConditionalSelect(outOfRange, zero, intended);
            }

            // 4-6. Arrivals and returns.
            Vector256<double> arrivals, returns;
            if (TLayout.Single)
            {
                // The live channel's share, and what a closed channel passes on to it (LaborMigrationModel.Split, same order).
                var channelIntended = intended * parameters.Share * parameters.Open;
                if (parameters.Fed)
                {
                    channelIntended += parameters.FeedingSubstitution * intended * parameters.FeedingShare * parameters.FeedingClosed * parameters.Open;
                }
                arrivals = LaneSampling.Poisson(ref arrivalsRng, channelIntended);
                returns = LaneSampling.Binomial(ref returnsRng, workers, parameters.ReturnProbability);

                // 8. Departure capacity.
                returns = Vector256.ConditionalSelect(Vector256.GreaterThan(returns, parameters.DepartureCapacity), parameters.DepartureCapacity, returns);
            }
            else
            {
                Split(cells, substituteTo, intended);
                arrivals = zero;
                returns = zero;
                for (int c = 0; c < channels; c++)
                {
                    ref var cell = ref cells[c];
                    cell.Arrivals = LaneSampling.Poisson(ref cell.ArrivalsRng, cell.Intended);
                    cell.Returns = LaneSampling.Binomial(ref cell.ReturnsRng, cell.Stock, cell.ReturnProbability);
                    arrivals += cell.Arrivals;
                    returns += cell.Returns;
                }

                // 8. Departure capacity: channel by channel, in order, where the month's returns exceed it.
                var over = Vector256.GreaterThan(returns, parameters.DepartureCapacity);
                if (over != zero)
                {
                    returns = CutToCapacity(cells, over, parameters.DepartureCapacity);
                }
            }

            // 9. Enforcement: most months decide on the uniform alone (as the scalar model does).
            Vector256<double> visibleWorkers;
            if (TLayout.Single)
            {
                visibleWorkers = parameters.Visibility * workers;
            }
            else
            {
                // Summed from zero in the channels' order, as the scalar model sums them.
                visibleWorkers = zero;
                for (int c = 0; c < channels; c++)
                {
                    visibleWorkers += cells[c].Visibility * cells[c].Stock;
                }
            }
            var hazard = Vector256.ConditionalSelect(Vector256.Equals(workers, zero) & noBeforeDeployment, zero, parameters.BaseHazard + parameters.HazardPerWorker * visibleWorkers);
            var uniform = enforcementRng.NextDouble(Vector256<ulong>.AllBitsSet);
            var undecided = ~Vector256.GreaterThanOrEqual(uniform, hazard + Vector256.Create(1e-15));
            var eventHappened = zero;
            if (undecided != zero)
            {
                eventHappened = Decide(undecided, uniform, hazard, ref anomalous);
            }
            events += eventHappened & one;
            firstEvent = Vector256.ConditionalSelect(eventHappened & Vector256.LessThan(firstEvent, zero), time, firstEvent);

            // 9-11. Expulsions and the stock; the workers paid for month t, less each channel's fee.
            var expelled = zero;
            Vector256<double> nextWorkers, paidWorkers;
            if (TLayout.Single)
            {
                var remaining = workers - returns;
                if (eventHappened != zero)
                {
                    expelled = Expel(ref expulsionRng, eventHappened, remaining, parameters.ExpelProbability);
                    remaining -= expelled;
                }
                nextWorkers = remaining + arrivals;
                paidWorkers = nextWorkers * parameters.KeptAfterFee;
            }
            else
            {
                nextWorkers = zero;
                paidWorkers = zero;
                for (int c = 0; c < channels; c++)
                {
                    ref var cell = ref cells[c];
                    var remaining = cell.Stock - cell.Returns;
                    if (eventHappened != zero)
                    {
                        var channelExpelled = Expel(ref cell.ExpulsionRng, eventHappened, remaining, cell.ExpelProbability);
                        remaining -= channelExpelled;
                        expelled += channelExpelled;
                    }
                    cell.Stock = remaining + cell.Arrivals;
                    nextWorkers += cell.Stock;
                    paidWorkers += cell.Stock * cell.KeptAfterFee;
                }
            }

            // 12. Money.
            enforced = Vector256.GreaterThanOrEqual(events, one);
            var channelShare = Vector256.ConditionalSelect(enforced, parameters.KeptAfterCost, one);
            var rateDue = ~Vector256.Equals(pendingLogChange, zero) & ~Vector256.Equals(paidWorkers, zero);
            if (rateDue != zero)
            {
                ApplyRate(rateDue, ref currencyPerUsd, ref pendingLogChange);
            }
            var remittances = paidWorkers * (parameters.Wage / currencyPerUsd) * parameters.StateShare * channelShare;
            cumulativeRemittances += remittances;
            anomalous |= ~Vector256.IsFinite(cumulativeRemittances);

            // 13. Exchange rate.
            var noisy = Vector256.GreaterThan(parameters.FxVolatility, zero);
            if (noisy != zero)
            {
                var shock = LaneSampling.Normal(ref exchangeRateRng, noisy.AsUInt64());
                pendingLogChange = Vector256.ConditionalSelect(noisy, pendingLogChange + (parameters.FxDrift + parameters.FxVolatility * shock), pendingLogChange);
            }
            var drifting = ~noisy & ~Vector256.Equals(parameters.FxDrift, zero);
            pendingLogChange = Vector256.ConditionalSelect(drifting, pendingLogChange + parameters.FxDrift, pendingLogChange);

            if (t >= countFrom)
            {
                peakWorkers = Vector256.Max(peakWorkers, nextWorkers);
                totalDeployed += arrivals;
                workerMonths += nextWorkers;
                countedRemittances += remittances;
                countedEvents += eventHappened & one;
            }
            month[(int)Series.Workers] = nextWorkers;
            month[(int)Series.Arrivals] = arrivals;
            month[(int)Series.Returns] = returns;
            month[(int)Series.Expelled] = expelled;
            month[(int)Series.RemittancesUsd] = remittances;
            month[(int)Series.CumulativeRemittancesUsd] = cumulativeRemittances;
            month[(int)Series.Enforced] = enforced & one;
            month[(int)Series.Postwar] = postwar & one;
            if (TLayout.Single && channels > 1)
            {
                // Closed channels' slots are never written, so they stay 0; the live one's stock and arrivals are the scenario's.
                month[OutputCatalogue.SeriesCount + 2 * live] = nextWorkers;
                month[OutputCatalogue.SeriesCount + 2 * live + 1] = arrivals;
            }
            else if (!TLayout.Single)
            {
                for (int c = 0; c < channels; c++)
                {
                    month[OutputCatalogue.SeriesCount + 2 * c] = cells[c].Stock;
                    month[OutputCatalogue.SeriesCount + 2 * c + 1] = cells[c].Arrivals;
                }
            }
            sink.Months(t, month);
            workers = nextWorkers;
        }

        anomalous |= Vector256.GreaterThanOrEqual(workerMonths, Vector256.Create(ExactWhole)) | Vector256.GreaterThanOrEqual(totalDeployed, Vector256.Create(ExactWhole));
        for (int lane = 0; lane < Lanes; lane++)
        {
            long run = firstRun + lane;
            if (anomalous.AsUInt64().GetElement(lane) != 0)
            {
                // The scalar model throws where it should, or gives the exact whole-number totals.
                var scalar = default(OutcomeSink);
                LaborMigrationModel.Simulate(scenario, seed, run, inputs.Slice(lane * parameterCount, parameterCount), ref scalar);
                outcomes[lane] = scalar.Outcome;
                continue;
            }
            double c = ceasefire.GetElement(lane);
            ref var outcome = ref outcomes[lane];
            outcome = default;
            outcome[Metric.PeakWorkers] = peakWorkers.GetElement(lane);
            outcome[Metric.WorkersEnd] = workers.GetElement(lane);
            outcome[Metric.TotalDeployed] = totalDeployed.GetElement(lane);
            outcome[Metric.WorkerMonths] = workerMonths.GetElement(lane);
            outcome[Metric.RemittancesUsd] = countFrom == 0 ? cumulativeRemittances.GetElement(lane) : countedRemittances.GetElement(lane);
            outcome[Metric.EnforcementEvents] = countedEvents.GetElement(lane);
            double first = firstEvent.GetElement(lane);
            outcome[Metric.FirstEnforcementMonth] = first >= 0 ? first : double.NaN;
            outcome[Metric.CeasefireMonth] = c < months ? c : double.NaN;
            outcome[Metric.TriggerMonth] = double.NaN;
            outcome[Metric.DeliveredRemittancesUsd] = outcome[Metric.RemittancesUsd];
        }
    }


    /// <summary>
    /// Lane <paramref name="lane"/>'s values in force before month 0 (<paramref name="current"/>), and its ceasefire month,
    /// exchange rate and initial workers (NaN when out of range) in <paramref name="start"/>, as the scalar model sets them.
    /// </summary>
    private static void Prepare(CompiledScenario scenario, long seed, long run, ReadOnlySpan<double> inputs, Span<double> current, Span<double> start, int lane)
    {
        LaborMigrationModel.StartValues(scenario, inputs, current);
        double initialWorkers = Math.Round(inputs[ParameterCatalogue.SupplyInitialWorkers.Index], MidpointRounding.AwayFromZero);
        start[lane] = LaborMigrationModel.CeasefireMonth(scenario, seed, run, inputs);
        start[Lanes + lane] = inputs[ParameterCatalogue.PayCurrencyPerUsd.Index];
        start[2 * Lanes + lane] = initialWorkers <= LaborMigrationModel.MaxWorkers ? initialWorkers : double.NaN;
    }

    /// <summary>
    /// Step 4 with several channels, as <see cref="LaborMigrationModel"/>'s Split: each its share of open dispatch, then,
    /// in the lanes where a channel is not fully open, its blocked share substituted into another (same operations, same order).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Split(Span<LaneChannel> cells, int[] substituteTo, Vector256<double> intended)
    {
        for (int c = 0; c < cells.Length; c++)
        {
            cells[c].Intended = intended * cells[c].Share * cells[c].Open;
        }
        var one = Vector256.Create(1.0);
        for (int c = 0; c < cells.Length; c++)
        {
            if (substituteTo[c] < 0)
            {
                continue;
            }
            ref var channel = ref cells[c];
            var closed = Vector256.LessThan(channel.Open, one);
            if (closed != Vector256<double>.Zero)
            {
                ref var substitute = ref cells[substituteTo[c]];
                var passed = substitute.Intended + channel.Substitution * intended * channel.Share * (one - channel.Open) * substitute.Open;
                substitute.Intended = Vector256.ConditionalSelect(closed, passed, substitute.Intended);
            }
        }
    }

    /// <summary>
    /// Step 8 with several channels, in the lanes <paramref name="over"/> whose returns exceed the capacity: each channel's
    /// returns up to what is left of it, in the channels' order (as the scalar model's CutToCapacity); returns the month's returns.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> CutToCapacity(Span<LaneChannel> cells, Vector256<double> over, Vector256<double> capacity)
    {
        var left = capacity;
        var returns = Vector256<double>.Zero;
        for (int c = 0; c < cells.Length; c++)
        {
            ref var cell = ref cells[c];
            cell.Returns = Vector256.ConditionalSelect(over, Vector256.Min(cell.Returns, left), cell.Returns);
            left -= cell.Returns;
            returns += cell.Returns;
        }
        return returns;
    }

    /// <summary>The lanes' events where the uniform alone did not decide: q = 1 - exp(-h), as the scalar model computes it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> Decide(Vector256<double> undecided, Vector256<double> uniform, Vector256<double> hazard, ref Vector256<double> anomalous)
    {
        var happened = Vector256<double>.Zero;
        for (int lane = 0; lane < Lanes; lane++)
        {
            if (undecided.AsUInt64().GetElement(lane) == 0)
            {
                continue;
            }
            double probability = -double.ExpM1(-hazard.GetElement(lane));
            if (double.IsNaN(probability))
            {
                anomalous = LaneVector.Replace(anomalous, lane, BitConverter.Int64BitsToDouble(-1));
            }
            else if (uniform.GetElement(lane) < probability)
            {
                happened = LaneVector.Replace(happened, lane, BitConverter.Int64BitsToDouble(-1));
            }
        }
        return happened;
    }

    /// <summary>Step 9's expulsions in the lanes where an event happened, from each lane's own stream.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> Expel(ref Xoshiro256Lanes rng, Vector256<double> lanes, Vector256<double> remaining, Vector256<double> probability)
    {
        var expelled = Vector256<double>.Zero;
        for (int lane = 0; lane < Lanes; lane++)
        {
            if (lanes.AsUInt64().GetElement(lane) != 0)
            {
                var scalar = rng.Lane(lane);
                expelled = LaneVector.Replace(expelled, lane, Binomial.Sample(ref scalar, (long)remaining.GetElement(lane), probability.GetElement(lane)));
                rng.SetLane(lane, scalar);
            }
        }
        return expelled;
    }

    /// <summary>The exchange rate brought up to date in the lanes that pay this month (the scalar model's Math.Exp, lane by lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ApplyRate(Vector256<double> lanes, ref Vector256<double> currencyPerUsd, ref Vector256<double> pendingLogChange)
    {
        for (int lane = 0; lane < Lanes; lane++)
        {
            if (lanes.AsUInt64().GetElement(lane) != 0)
            {
                currencyPerUsd = LaneVector.Replace(currencyPerUsd, lane, currencyPerUsd.GetElement(lane) * Math.Exp(pendingLogChange.GetElement(lane)));
            }
        }
        pendingLogChange = Vector256.ConditionalSelect(lanes, Vector256<double>.Zero, pendingLogChange);
    }

    /// <summary>Keeps only a run's metrics: the scalar model's answer for a lane it has to finish.</summary>
    private struct OutcomeSink : IRunSink
    {
        public RunOutcome Outcome;

        public readonly void Month(int month, ReadOnlySpan<double> values)
        {
        }

        public void End(in RunOutcome outcome) => Outcome = outcome;
    }
}
