using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Discovery;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Decisions;

/// <summary>
/// Every policy on the same futures (docs/decisions.md, "laborsim robust"): run r draws its uncertain inputs once, and
/// every policy runs on those inputs and on run r's model random streams (common random numbers), so that differences
/// between policies come from the policies alone. Each future's outcome is a function of (seed, r) only: any thread
/// count and any split into shards give the same table.
/// </summary>
public static class RobustAnalysis
{
    /// <summary>Futures per block of work.</summary>
    private const int BlockRuns = MonteCarloRunner.BlockSize;

    /// <summary>
    /// The futures <paramref name="firstRun"/> to <paramref name="endRun"/> - 1 of <paramref name="scenario"/> (run under
    /// no policy) under each of <paramref name="policies"/>, judged by <paramref name="measures"/>; <paramref name="satisfice"/>
    /// (or null) is the condition a policy meets in a future.
    /// </summary>
    public static FuturesTable Run(Scenario scenario, IReadOnlyList<Policy> policies, IReadOnlyList<Measure> measures, OutcomeCondition? satisfice,
        long firstRun, long endRun, int threads, Action<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (scenario.Policy is not null)
        {
            throw new ArgumentException($"scenario {scenario.Name} already runs under policy {scenario.Policy.Name}; give the scenario without one");
        }
        var baseCompiled = CompiledScenario.Of(scenario);
        var compiled = policies.Select(p => CompiledScenario.Of(scenario.ForPolicy(p))).ToArray();
        var inputNames = baseCompiled.RecordedInputNames;
        int neverColumn = inputNames.ToList().IndexOf(ParameterCatalogue.CeasefireNever.KeyPath);
        int[] uncertain = baseCompiled.UncertainParameterIndices;
        // Where each of the future's draws sits among a policy's parameters: by key path, since a policy may add
        // parameters (a hazard change) ahead of others.
        var slots = compiled.Select(c => uncertain.Select(i => SlotOf(c, baseCompiled.ParameterNames[i])).ToArray()).ToArray();
        var table = new FuturesTable(inputNames, [.. policies.Select(p => p.Name)], measures, firstRun, checked((int)(endRun - firstRun)));
        int p = policies.Count, m = measures.Count;
        var baseBuffers = new double[threads][];
        var policyBuffers = new double[threads][][];
        long seed = scenario.Seed;
        long done = 0;
        long firstBlock = firstRun / BlockRuns;
        long endBlock = (endRun + BlockRuns - 1) / BlockRuns;
        BlockScheduler.RunAll(firstBlock, endBlock, threads, cancellation, (worker, block) =>
        {
            var baseInputs = baseBuffers[worker] ??= new double[baseCompiled.Parameters.Length];
            var inputs = policyBuffers[worker] ??= [.. compiled.Select(c => FixedInputs(c))];
            long start = Math.Max(firstRun, block * BlockRuns);
            long end = Math.Min(endRun, (block + 1) * BlockRuns);
            for (long run = start; run < end; run++)
            {
                int future = (int)(run - firstRun);
                // The future's draws, once: every policy takes them (its levers and added timeline values are fixed numbers).
                LaborMigrationModel.SampleInputs(baseCompiled, seed, run, baseInputs);
                int row = future * inputNames.Count;
                for (int i = 0; i < uncertain.Length; i++)
                {
                    table.Inputs[row + i] = baseInputs[uncertain[i]];
                }
                if (neverColumn >= 0)
                {
                    table.Inputs[row + neverColumn] = LaborMigrationModel.NoCeasefire(seed, run, baseInputs) ? 1 : 0;
                }
                for (int k = 0; k < p; k++)
                {
                    var own = inputs[k];
                    var slot = slots[k];
                    for (int i = 0; i < uncertain.Length; i++)
                    {
                        own[slot[i]] = baseInputs[uncertain[i]];
                    }
                    var sink = default(OutcomeSink);
                    LaborMigrationModel.Simulate(compiled[k], seed, run, own, ref sink);
                    int cell = (future * p + k) * m;
                    for (int j = 0; j < m; j++)
                    {
                        table.Values[cell + j] = measures[j].ValueOf(sink.Outcome);
                    }
                    table.TriggerMonths[future * p + k] = sink.Outcome[Metric.TriggerMonth];
                    table.Satisfied[future * p + k] = satisfice is not null && Satisfies(satisfice, sink.Outcome);
                }
            }
            long completed = Interlocked.Add(ref done, end - start);
            progress?.Invoke(new RunProgress(completed, endRun - firstRun, null));
        });
        return table;
    }

    private static int SlotOf(CompiledScenario compiled, string keyPath)
    {
        int slot = Array.IndexOf(compiled.ParameterNames, keyPath);
        return slot >= 0 && !compiled.Parameters[slot].IsFixed ? slot
            : throw new InvalidOperationException($"a policy made {keyPath} fixed or dropped it; a lever is never an uncertain input");
    }

    /// <summary>A policy's input buffer with every fixed parameter at its value; the uncertain ones are each future's.</summary>
    private static double[] FixedInputs(CompiledScenario compiled)
    {
        var inputs = new double[compiled.Parameters.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = compiled.Parameters[i].IsFixed ? compiled.Parameters[i].Mean : double.NaN;
        }
        return inputs;
    }

    private static bool Satisfies(OutcomeCondition condition, in RunOutcome outcome)
    {
        Span<double> metrics = stackalloc double[OutputCatalogue.MetricCount];
        for (int i = 0; i < metrics.Length; i++)
        {
            metrics[i] = outcome.Value((Metric)i);
        }
        return condition.Holds(metrics);
    }

    /// <summary>
    /// The robustness of each policy on each measure over the futures of <paramref name="table"/> (docs/decisions.md):
    /// mean (Laplace), median, the bad tail (p90 of a measure to minimise, p10 of one to maximise), the worst (a sample
    /// extreme) and best, regret against the best policy in each future (mean, p90, max), Hurwicz with weight
    /// <paramref name="hurwicz"/> on the worst, and the share of futures satisficed with its binomial standard error.
    /// </summary>
    public static IReadOnlyList<PolicyScore> Score(FuturesTable table, double hurwicz = 0.5, bool satisficing = false)
    {
        int futures = table.Runs, p = table.Policies.Count;
        var scores = new List<PolicyScore>();
        for (int j = 0; j < table.Measures.Count; j++)
        {
            var measure = table.Measures[j];
            var best = new double[futures];
            for (int f = 0; f < futures; f++)
            {
                double b = double.NaN;
                for (int k = 0; k < p; k++)
                {
                    double v = table.Value(f, k, j);
                    if (!double.IsNaN(v) && (double.IsNaN(b) || measure.Better(v, b)))
                    {
                        b = v;
                    }
                }
                best[f] = b;
            }
            for (int k = 0; k < p; k++)
            {
                var values = new List<double>(futures);
                var regrets = new List<double>(futures);
                int satisfied = 0;
                for (int f = 0; f < futures; f++)
                {
                    double v = table.Value(f, k, j);
                    satisfied += table.Satisfied[f * p + k] ? 1 : 0;
                    if (double.IsNaN(v))
                    {
                        continue;
                    }
                    values.Add(v);
                    regrets.Add(measure.Shortfall(v, best[f]));
                }
                scores.Add(Summarise(table.Policies[k], measure, [.. values], [.. regrets], hurwicz, satisficing ? satisfied : null, futures));
            }
        }
        return scores;
    }

    private static PolicyScore Summarise(string policy, Measure measure, double[] values, double[] regrets, double hurwicz, int? satisfied, int futures)
    {
        Array.Sort(values);
        Array.Sort(regrets);
        int n = values.Length;
        bool minimise = measure.Goal == Goal.Minimise;
        double worst = n == 0 ? double.NaN : minimise ? values[^1] : values[0];
        double best = n == 0 ? double.NaN : minimise ? values[0] : values[^1];
        double? share = satisfied is { } s ? (double)s / futures : null;
        return new PolicyScore(policy, measure)
        {
            Futures = n,
            Mean = Mean(values),
            MeanSe = StandardError(values),
            Median = Percentile(values, 0.5),
            Tail = Percentile(values, minimise ? 0.9 : 0.1),
            Worst = worst,
            Best = best,
            RegretMean = Mean(regrets),
            RegretMeanSe = StandardError(regrets),
            RegretP90 = Percentile(regrets, 0.9),
            RegretMax = regrets.Length == 0 ? double.NaN : regrets[^1],
            Hurwicz = hurwicz * worst + (1 - hurwicz) * best,
            Satisficing = share,
            SatisficingSe = share is { } q ? Math.Sqrt(q * (1 - q) / futures) : null,
        };
    }

    /// <summary>The mean of <paramref name="values"/>, NaN for none.</summary>
    private static double Mean(double[] values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }
        return values.Length == 0 ? double.NaN : sum / values.Length;
    }

    private static double StandardError(double[] values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }
        double mean = Mean(values);
        double squares = 0;
        foreach (double v in values)
        {
            squares += (v - mean) * (v - mean);
        }
        return Math.Sqrt(squares / (values.Length - 1) / values.Length);
    }

    /// <summary>
    /// The <paramref name="q"/> quantile of sorted values by linear interpolation between order statistics (Hyndman and
    /// Fan's type 7, NumPy's default), so that the numbers match what an analyst computes from futures.csv.
    /// </summary>
    public static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        double h = (sorted.Length - 1) * q;
        int low = (int)Math.Floor(h);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>
    /// Which futures break policy <paramref name="policy"/>: those where <paramref name="fails"/> says it fails, and PRIM's
    /// balanced box over the inputs that vary (as <c>discover</c> finds it), or no box when there is nothing to tell apart.
    /// </summary>
    public static FailureAnalysis Failures(FuturesTable table, int policy, Func<int, bool> fails, string question, PrimOptions options, long seed)
    {
        int futures = table.Runs, inputs = table.InputNames.Count;
        var hits = new bool[futures];
        int count = 0;
        for (int f = 0; f < futures; f++)
        {
            hits[f] = fails(f);
            count += hits[f] ? 1 : 0;
        }
        var names = new List<string>();
        var columns = new List<double[]>();
        for (int i = 0; i < inputs; i++)
        {
            var column = new double[futures];
            bool varies = false;
            for (int f = 0; f < futures; f++)
            {
                column[f] = table.Inputs[f * inputs + i];
                varies |= column[f] != column[0];
            }
            if (varies)
            {
                names.Add(table.InputNames[i]);
                columns.Add(column);
            }
        }
        string name = table.Policies[policy];
        if (count == 0 || count == futures || columns.Count == 0)
        {
            return new FailureAnalysis(name, question, count, futures, null);
        }
        var data = new PrimData(names, [.. columns], hits);
        var trajectory = Prim.Run(data, options);
        return new FailureAnalysis(name, question, count, futures, ScenarioDiscovery.Analyse(data, question, options, trajectory, null, seed));
    }

    /// <summary>Regret of policy <paramref name="policy"/> on measure <paramref name="measure"/> in future <paramref name="future"/>.</summary>
    public static double RegretOf(FuturesTable table, int future, int policy, int measure)
    {
        var m = table.Measures[measure];
        double value = table.Value(future, policy, measure);
        double best = value;
        for (int k = 0; k < table.Policies.Count; k++)
        {
            double other = table.Value(future, k, measure);
            if (!double.IsNaN(other) && m.Better(other, best))
            {
                best = other;
            }
        }
        return m.Shortfall(value, best);
    }
}
