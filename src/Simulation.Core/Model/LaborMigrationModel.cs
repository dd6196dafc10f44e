using Simulation.Core.Catalogue;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Model;

/// <summary>
/// One Monte Carlo run of MODEL.md, version 1: draws the run's uncertain inputs, then steps months
/// t = 0 .. T-1 in the order the model states.
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

        var ceasefireRng = StreamKey.Generator(seed, run, CeasefireStream);
        var arrivalsRng = StreamKey.Generator(seed, run, ArrivalsStream);
        var returnsRng = StreamKey.Generator(seed, run, ReturnsStream);
        var enforcementRng = StreamKey.Generator(seed, run, EnforcementStream);
        var expulsionRng = StreamKey.Generator(seed, run, ExpulsionStream);
        var exchangeRateRng = StreamKey.Generator(seed, run, ExchangeRateStream);

        // Step 1's ceasefire month C; int.MaxValue stands for "never".
        bool noCeasefire = ceasefireRng.NextDouble() < inputs[ParameterCatalogue.CeasefireNever.Index];
        double ceasefireDraw = inputs[ParameterCatalogue.CeasefireMonth.Index];
        int ceasefire = noCeasefire || ceasefireDraw >= months ? int.MaxValue : (int)Math.Max(0, Math.Floor(ceasefireDraw));

        double wartimeDemand = inputs[ParameterCatalogue.DemandWartime.Index];
        double peakDemand = inputs[ParameterCatalogue.DemandPeak.Index];
        double rampMonths = inputs[ParameterCatalogue.DemandRampMonths.Index];
        double dispatchLimit = inputs[ParameterCatalogue.SupplyDispatchPerMonth.Index];
        double pool = inputs[ParameterCatalogue.SupplyPool.Index];
        double returnProbability = 1.0 / inputs[ParameterCatalogue.ContractMeanMonths.Index];
        double wage = inputs[ParameterCatalogue.PayWage.Index];
        double currencyPerUsd = inputs[ParameterCatalogue.PayCurrencyPerUsd.Index];
        double fxDrift = inputs[ParameterCatalogue.PayFxDrift.Index];
        double fxVolatility = inputs[ParameterCatalogue.PayFxVolatility.Index];
        double stateShare = inputs[ParameterCatalogue.PayStateShare.Index];
        double baseHazard = inputs[ParameterCatalogue.EnforcementBaseHazard.Index];
        double hazardPerWorker = inputs[ParameterCatalogue.EnforcementHazardPer1000Workers.Index] / 1000.0;
        double expelFraction = inputs[ParameterCatalogue.EnforcementExpelFraction.Index];
        double deterrence = inputs[ParameterCatalogue.EnforcementDeterrence.Index];
        double channelCost = inputs[ParameterCatalogue.EnforcementChannelCost.Index];
        int[] changeMonths = scenario.HazardChangeMonths;

        double initialWorkers = Math.Round(inputs[ParameterCatalogue.SupplyInitialWorkers.Index], MidpointRounding.AwayFromZero);
        if (!(initialWorkers <= MaxWorkers))
        {
            throw Overflow(run, 0, $"supply.initial_workers drew {initialWorkers:G4}, beyond {MaxWorkers:G1} workers; narrow its distribution");
        }
        long workers = (long)initialWorkers;
        long events = 0;
        int firstEvent = -1;
        int nextChange = 0;
        double hazardMultiplier = 1.0;
        double cumulativeRemittances = 0;
        var arrivalsSetup = default(PoissonSetup);
        var returnsSetup = default(BinomialSetup);
        var expulsionSetup = default(BinomialSetup);
        double cachedHazard = 0;
        double cachedEventProbability = 0;
        long peakWorkers = 0;
        long totalDeployed = 0;
        long workerMonths = 0;
        Span<double> month = stackalloc double[OutputCatalogue.SeriesCount];

        for (int t = 0; t < months; t++)
        {
            while (nextChange < changeMonths.Length && changeMonths[nextChange] <= t)
            {
                hazardMultiplier = inputs[CompiledScenario.FirstHazardChangeMultiplier + nextChange];
                nextChange++;
            }

            // 1-2. Phase and demand.
            bool postwar = t >= ceasefire;
            double demand = Demand(t, ceasefire, wartimeDemand, peakDemand, rampMonths);

            // 3-4. Intended dispatch and arrivals.
            double intended = Math.Min(Math.Min(Math.Max(0, demand - workers), dispatchLimit), Math.Max(0, pool - workers));
            if (events >= 1)
            {
                intended *= deterrence;
            }
            if (!(intended <= MaxWorkers))
            {
                throw Overflow(run, t, $"intended dispatch is {intended:G4} workers, beyond {MaxWorkers:G1}; narrow demand.peak, supply.pool or supply.dispatch_per_month");
            }
            long arrivals = Poisson.Sample(ref arrivalsRng, intended, ref arrivalsSetup);

            // 5. Returns.
            long returns = Binomial.Sample(ref returnsRng, workers, returnProbability, ref returnsSetup);

            // 6. Enforcement; q = 1 - exp(-h) written with expm1 to keep small hazards exact.
            double hazard = baseHazard * hazardMultiplier + hazardPerWorker * workers;
            if (hazard != cachedHazard)
            {
                // The hazard repeats while the stock and multiplier stay put (often for months): skip expm1 then.
                cachedHazard = hazard;
                cachedEventProbability = -double.ExpM1(-hazard);
            }
            double eventProbability = cachedEventProbability;
            if (double.IsNaN(eventProbability))
            {
                throw Overflow(run, t, $"the enforcement hazard is undefined (base {baseHazard:G4} x multiplier {hazardMultiplier:G4}); narrow enforcement.base_hazard");
            }
            long expelled = 0;
            if (enforcementRng.NextDouble() < eventProbability)
            {
                expelled = Binomial.Sample(ref expulsionRng, workers - returns, expelFraction, ref expulsionSetup);
                events++;
                if (firstEvent < 0)
                {
                    firstEvent = t;
                }
            }

            // 7. Stock.
            long nextWorkers = workers - returns - expelled + arrivals;

            // 8. Money, for the workers paid for month t.
            double channelShare = events >= 1 ? 1 - channelCost : 1.0;
            double remittances = nextWorkers * (wage / currencyPerUsd) * stateShare * channelShare;
            cumulativeRemittances += remittances;
            if (!double.IsFinite(cumulativeRemittances))
            {
                throw Overflow(run, t, $"remittances overflowed (wage {wage:G4} at {currencyPerUsd:G4} per USD for {nextWorkers} workers); narrow pay.wage or pay.fx_drift");
            }

            // 9. Exchange rate; multiplying by exp(0) keeps a fixed rate exact when there is no drift or noise.
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
            month[(int)Series.Workers] = nextWorkers;
            month[(int)Series.Arrivals] = arrivals;
            month[(int)Series.Returns] = returns;
            month[(int)Series.Expelled] = expelled;
            month[(int)Series.RemittancesUsd] = remittances;
            month[(int)Series.CumulativeRemittancesUsd] = cumulativeRemittances;
            month[(int)Series.Enforced] = events >= 1 ? 1 : 0;
            month[(int)Series.Postwar] = postwar ? 1 : 0;
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
        sink.End(outcome);
    }
}
