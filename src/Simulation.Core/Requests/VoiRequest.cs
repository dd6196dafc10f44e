using System.Diagnostics;
using Simulation.Core.Calibration;
using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Random;

namespace Simulation.Core.Requests;

/// <summary>
/// What an observation would be worth for the forecast of <see cref="Measure"/> (docs/decisions.md, "laborsim voi"):
/// per uncertain input, per planned observation, and for the choice among the scenario's policies where it has them.
/// </summary>
public sealed record VoiRequest(Scenario Scenario, Measure Measure)
{
    /// <summary>Stream purpose of each planned observation's measurement error (observation o uses this plus o).</summary>
    public const int NoisePurpose = 2_000_200_000;

    /// <summary>Stream purpose of the bootstrap resamples (plus the estimate's number).</summary>
    public const int BootstrapPurpose = 2_000_100_000;

    /// <summary>Most runs a VOI analysis keeps at once.</summary>
    public const long MaxRuns = 2_000_000;

    /// <summary>Observations one could make (calibration's format without a value).</summary>
    public IReadOnlyList<Observation> Planned { get; init; } = [];

    /// <summary>Every reason this request cannot run; empty when it can.</summary>
    public IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        if (Scenario.Policy is { } policy)
        {
            problems.Add(new RequestProblem("--policy", $"voi weighs every policy of the scenario for the decision; it is set to {policy.Name} (drop --policy, or policy: from the file)"));
        }
        if (Measure.Metric is { } metric && OutputCatalogue.Of(metric).Censored)
        {
            problems.Add(new RequestProblem($"--metric {Measure.Name}", "is missing in runs where its event never happens, so its variance is not defined; choose an outcome every run has (e.g. remittances_usd, peak_workers)"));
        }
        if (Scenario.Runs < 1000 || Scenario.Runs > MaxRuns)
        {
            problems.Add(RequestProblem.Option("runs", Scenario.Runs, $"must be 1,000 to {MaxRuns:N0}: the regressions behind every estimate need many runs, and voi keeps them all"));
        }
        if (Scenario.UncertainInputs().Count == 0 && Planned.Count == 0)
        {
            problems.Add(new RequestProblem("", "has no uncertain input and no planned observation: nothing to learn"));
        }
        if (budget.HorizonRefusal(Scenario) is { } horizon)
        {
            problems.Add(horizon);
        }
        return problems;
    }

    /// <summary>Runs the scenario (and its policies) and estimates every value of information.</summary>
    public VoiAnalysis Execute(int threads, Action<RunProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var compiled = CompiledScenario.Of(Scenario);
        int n = checked((int)Scenario.Runs);
        var names = compiled.RecordedInputNames;
        int[] uncertain = compiled.UncertainParameterIndices;
        int neverColumn = names.ToList().IndexOf(ParameterCatalogue.CeasefireNever.KeyPath);
        var inputs = names.Select(_ => new double[n]).ToArray();
        var metric = new double[n];
        var set = Planned.Count > 0 ? new ObservationSet(compiled, Planned) : null;
        var reported = Planned.Select(_ => new double[n]).ToArray();
        var buffers = new double[threads][];
        var observed = new double[threads][];
        long seed = Scenario.Seed;
        long done = 0;
        long total = Scenario.Runs * (1 + Scenario.PoliciesWithStatusQuo().Count * (Scenario.Policies.Count > 0 ? 1 : 0));
        BlockScheduler.RunAll(0, (n + MonteCarloRunner.BlockSize - 1) / MonteCarloRunner.BlockSize, threads, cancellation, (worker, block) =>
        {
            var buffer = buffers[worker] ??= new double[compiled.Parameters.Length];
            var values = observed[worker] ??= new double[Math.Max(1, Planned.Count)];
            long start = block * MonteCarloRunner.BlockSize, end = Math.Min(n, start + MonteCarloRunner.BlockSize);
            for (long run = start; run < end; run++)
            {
                int r = (int)run;
                LaborMigrationModel.SampleInputs(compiled, seed, run, buffer);
                for (int i = 0; i < uncertain.Length; i++)
                {
                    inputs[i][r] = buffer[uncertain[i]];
                }
                if (neverColumn >= 0)
                {
                    inputs[neverColumn][r] = LaborMigrationModel.NoCeasefire(seed, run, buffer) ? 1 : 0;
                }
                var sink = set is null ? new VoiSink(default, false) : new VoiSink(set.Sink(values), true);
                LaborMigrationModel.Simulate(compiled, seed, run, buffer, ref sink);
                metric[r] = Measure.ValueOf(sink.Outcome);
                for (int o = 0; o < Planned.Count; o++)
                {
                    var rng = StreamKey.Generator(seed, run, NoisePurpose + o);
                    reported[o][r] = PlannedObservationNoise.Report(Planned[o], values[o], ref rng);
                }
            }
            long completed = Interlocked.Add(ref done, end - start);
            progress?.Invoke(new RunProgress(completed, total, null));
        });

        double variance = Variance(metric);
        var varied = Enumerable.Range(0, names.Count).Where(i => Varies(inputs[i])).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation };
        // Each estimate bootstraps from its own stream (its number in this order), so the threads that compute them change nothing.
        var byInput = new VoiEstimate[varied.Count];
        var byObservation = new VoiEstimate[Planned.Count];
        Parallel.For(0, varied.Count + Planned.Count, parallel, job =>
        {
            if (job < varied.Count)
            {
                byInput[job] = ValueOfInformation.ExplainedVariance([inputs[varied[job]]], metric, seed, BootstrapPurpose + job);
            }
            else
            {
                int o = job - varied.Count;
                byObservation[o] = ValueOfInformation.ExplainedVariance([reported[o]], metric, seed, BootstrapPurpose + job);
            }
        });
        var analysis = new VoiAnalysis(Scenario, Measure, n, variance)
        {
            Inputs = [.. varied.Select((i, k) => (names[i], byInput[k]))],
            Observations = [.. Planned.Select((o, k) => (o, byObservation[k]))],
        };
        if (Scenario.Policies.Count > 0)
        {
            var policies = Scenario.PoliciesWithStatusQuo();
            var table = RobustAnalysis.Run(Scenario, policies, [Measure], null, 0, n, threads,
                progress is null ? null : p => progress(new RunProgress(n + p.Done * policies.Count, total, null)), cancellation);
            // A utility to maximise: the measure itself, or its negative when lower is better.
            double sign = Measure.Goal == Goal.Maximise ? 1 : -1;
            var utilities = new double[policies.Count][];
            for (int k = 0; k < policies.Count; k++)
            {
                utilities[k] = new double[n];
                for (int r = 0; r < n; r++)
                {
                    utilities[k][r] = sign * table.Value(r, k, 0);
                }
            }
            var means = utilities.Select(u => u.Average()).ToArray();
            int best = Array.IndexOf(means, means.Max());
            var decision = new VoiEstimate[varied.Count];
            int first = varied.Count + Planned.Count;
            Parallel.For(0, varied.Count, parallel, job =>
                decision[job] = ValueOfInformation.Evppi([inputs[varied[job]]], utilities, seed, BootstrapPurpose + first + job));
            analysis = analysis with
            {
                Policies = [.. policies.Select(p => p.Name)],
                Evpi = ValueOfInformation.Evpi(utilities),
                BestOnAverage = policies[best].Name,
                DecisionInputs = [.. varied.Select((i, k) => (names[i], decision[k]))],
            };
        }
        return analysis with { Elapsed = clock.Elapsed };
    }

    private static bool Varies(double[] values)
    {
        foreach (double v in values)
        {
            if (v != values[0])
            {
                return true;
            }
        }
        return false;
    }

    private static double Variance(double[] values)
    {
        double mean = values.Average(), sum = 0;
        foreach (double v in values)
        {
            sum += (v - mean) * (v - mean);
        }
        return sum / Math.Max(1, values.Length - 1);
    }
}
