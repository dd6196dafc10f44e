using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Requests;

/// <summary>Which uncertain inputs drive the outcomes: a tornado from one Monte Carlo run, or Sobol indices.</summary>
public sealed record SensitivityRequest(Scenario Scenario, SensitivityMethod Method, IReadOnlyList<Metric> Metrics)
{
    /// <summary>Sobol base samples N by default.</summary>
    public const int DefaultSamples = 4096;

    /// <summary>Bootstrap resamples of the Sobol intervals by default.</summary>
    public const int DefaultBootstrap = 200;

    /// <summary>Sobol base samples N (the design takes N (d + 3) model runs).</summary>
    public int Samples { get; init; } = DefaultSamples;

    /// <summary>Bootstrap resamples for the Sobol intervals.</summary>
    public int Bootstrap { get; init; } = DefaultBootstrap;

    /// <summary>Saltelli's design on Owen-scrambled Sobol' points (true) or on independent draws.</summary>
    public bool QuasiRandom { get; init; } = true;

    /// <summary>True when the quasi-random design is asked for and the inputs fit in the Sobol' dimensions.</summary>
    public bool UsesQuasiRandom => QuasiRandom && ModelSobolAnalysis.QuasiRandomPossible(Scenario);

    /// <summary>Factors of the Sobol analysis: each uncertain input, the "no ceasefire at all" draw where a run can make it, and the model's own randomness.</summary>
    public int Factors => ModelSobolAnalysis.FactorNames(Scenario).Count;

    /// <summary>Model runs the analysis makes.</summary>
    public long ModelRuns => Method == SensitivityMethod.Sobol ? (long)Samples * (Factors + 2) : Scenario.Runs;

    /// <summary>Every reason this request cannot run; empty when it can.</summary>
    public IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        bool sobol = Method == SensitivityMethod.Sobol;
        if (sobol && (Samples < 64 || Samples > 10_000_000))
        {
            problems.Add(RequestProblem.Option("samples", Samples, "must be a whole number from 64 to 10,000,000"));
        }
        if (sobol && UsesQuasiRandom && Samples % ModelSobolAnalysis.QuasiRandomReplicates != 0)
        {
            problems.Add(RequestProblem.Option("samples", Samples, $"the quasi-random design splits its samples into {ModelSobolAnalysis.QuasiRandomReplicates} independently scrambled blocks; give a multiple of {ModelSobolAnalysis.QuasiRandomReplicates}, e.g. {Samples / ModelSobolAnalysis.QuasiRandomReplicates * ModelSobolAnalysis.QuasiRandomReplicates + ModelSobolAnalysis.QuasiRandomReplicates:N0}"));
        }
        if (sobol && (Bootstrap < 10 || Bootstrap > 10_000))
        {
            problems.Add(RequestProblem.Option("bootstrap", Bootstrap, "must be a whole number from 10 to 10,000"));
        }
        if (sobol)
        {
            foreach (var metric in Metrics)
            {
                if (OutputCatalogue.Of(metric).Censored)
                {
                    problems.Add(RequestProblem.Option("metric", OutputCatalogue.Of(metric).Name, "is absent in runs where the event never happens; choose a metric every run has"));
                }
            }
        }
        if (Scenario.UncertainInputs().Count == 0)
        {
            problems.Add(new RequestProblem("", "has no uncertain inputs: give at least one parameter as a distribution, e.g. --set \"pay.wage={dist: uniform, min: 60000, max: 80000}\""));
            return problems;
        }
        if (budget.HorizonRefusal(Scenario) is { } horizon)
        {
            problems.Add(horizon);
        }
        long columns = RunRequest.RunTableColumns(Scenario);
        if (!sobol && Scenario.Runs * columns > int.MaxValue)
        {
            problems.Add(RequestProblem.Option("runs", Scenario.Runs, "is too many for a tornado analysis, which keeps every run; use at most 10,000,000"));
        }
        else if (MemoryBytes > budget.MemoryBytes)
        {
            string what = sobol ? $"--samples {Samples:N0} x {Factors + 2} columns x {Math.Max(1, Metrics.Count)} metrics" : $"--runs {Scenario.Runs:N0} x {columns} columns";
            problems.Add(new RequestProblem(sobol ? "--samples" : "--runs",
                $"{what} would need {MemoryBytes >> 20:N0} MiB in memory, more than half of the {budget.MemoryBytes >> 19:N0} MiB available here; use fewer {(sobol ? "--samples" : "--runs")}"));
        }
        return problems;
    }

    /// <summary>
    /// Memory the analysis holds: the tornado keeps every run (inputs and metrics) and its working copies (paired
    /// columns, order and keys, about 40 bytes a run); Sobol keeps N values per metric for A, B and each factor's mix,
    /// and as much again for its bootstrap resamples.
    /// </summary>
    public long MemoryBytes => Method == SensitivityMethod.Sobol
        ? 2L * Samples * (Factors + 2L) * Math.Max(1, Metrics.Count) * sizeof(double)
        : Scenario.Runs * (RunRequest.RunTableColumns(Scenario) * sizeof(double) + 40);

    /// <summary>The tornado: one Monte Carlo run keeping every run, then rank correlations and decile swings.</summary>
    public (MonteCarloResult Result, IReadOnlyList<InputSensitivity> Sensitivities) ExecuteTornado(int threads, Action<RunProgress>? progress, CancellationToken cancellation)
    {
        var result = MonteCarloRunner.Run(Scenario, new RunnerOptions { Threads = threads, SaveRuns = true, Progress = progress, Cancellation = cancellation });
        return (result, TornadoAnalysis.Analyze(result.RunTable!, Metrics, Scenario.Seed));
    }

    /// <summary>The Sobol indices of each metric.</summary>
    public IReadOnlyList<(Metric Metric, SobolIndices Indices)> ExecuteSobol(int threads, Action<RunProgress>? progress, CancellationToken cancellation) =>
        ModelSobolAnalysis.Run(Scenario, Metrics, Samples, Bootstrap, threads, cancellation, progress, UsesQuasiRandom);
}
