using System.Globalization;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Analysis;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.Plotting;

namespace Simulation.Cli.Commands;

internal static class SensitivityCommand
{
    public static int Execute(SensitivityOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var problems = new List<ScenarioProblem>();
        var overrides = ScenarioLoading.Overrides(options, problems);
        bool sobol = options.Method == "sobol";
        if (!sobol && options.Method != "tornado")
        {
            problems.Add(new ScenarioProblem(new($"--method {options.Method}", 0, 0), "", "must be 'tornado' or 'sobol'"));
        }
        var metrics = ScenarioLoading.Metrics(options.Metrics, "--metric", problems, allowCensored: !sobol);
        if (options.Design is not ("quasi-random" or "random"))
        {
            problems.Add(new ScenarioProblem(new($"--design {options.Design}", 0, 0), "", "must be 'quasi-random' (the default) or 'random'"));
        }
        if (!sobol && (options.Samples is not null || options.Bootstrap is not null))
        {
            problems.Add(new ScenarioProblem(new(options.Samples is not null ? "--samples" : "--bootstrap", 0, 0), "",
                "goes with --method sobol; the tornado uses one Monte Carlo run of --runs runs"));
        }
        int samples = options.Samples ?? 4096;
        int bootstrap = options.Bootstrap ?? 200;
        if (sobol && (samples < 64 || samples > 10_000_000))
        {
            problems.Add(new ScenarioProblem(new($"--samples {samples}", 0, 0), "", "must be a whole number from 64 to 10,000,000"));
        }
        if (sobol && (bootstrap < 10 || bootstrap > 10_000))
        {
            problems.Add(new ScenarioProblem(new($"--bootstrap {bootstrap}", 0, 0), "", "must be a whole number from 10 to 10,000"));
        }
        var loaded = ScenarioLoading.Load(options.Scenario, overrides, problems, terminal, options.Strict);
        var scenario = loaded.Scenario;
        if (scenario is not null && new CompiledScenario(scenario).UncertainParameterIndices.Length == 0)
        {
            problems.Add(new ScenarioProblem(new(options.Scenario, 0, 0), "", "has no uncertain inputs: give at least one parameter as a distribution, e.g. --set \"pay.wage={dist: uniform, min: 60000, max: 80000}\""));
        }
        if (problems.Count > 0 || scenario is null)
        {
            ProblemPrinter.Print(terminal, problems, "nothing was run");
            return ExitCodes.BadInput;
        }
        if (!sobol && scenario.Runs * (new CompiledScenario(scenario).RecordedInputNames.Count + OutputCatalogue.MetricCount) > int.MaxValue)
        {
            terminal.Error.WriteLine($"--runs {scenario.Runs:N0} is too many for a tornado analysis, which keeps every run; use at most 10,000,000. Nothing was run.");
            return ExitCodes.BadInput;
        }
        if (MemoryRefusal(scenario, sobol, options.Samples ?? 4096, metrics.Count) is { } memory)
        {
            terminal.Error.WriteLine(memory);
            return ExitCodes.BadInput;
        }

        string outPath = options.Out ?? Path.Combine("out", sobol ? $"{scenario.Name}-sobol" : $"{scenario.Name}-sensitivity");
        if (OutputTargets.Refused(outPath, options.Force, terminal))
        {
            return ExitCodes.BadInput;
        }
        int threads = ScenarioLoading.Threads(options, terminal, scenario);
        try
        {
            return sobol
                ? RunSobol(options, terminal, cancellation, scenario, metrics, outPath, threads)
                : RunTornado(options, terminal, cancellation, scenario, metrics, outPath, threads);
        }
        catch (OperationCanceledException)
        {
            return ScenarioLoading.Interrupted(null, terminal);
        }
    }

    private static int RunTornado(SensitivityOptions options, Terminal terminal, CancellationToken cancellation, Scenario scenario,
        List<Metric> metrics, string outPath, int threads)
    {
        var progress = ScenarioLoading.Progress(options, terminal, scenario.Runs);
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions
        {
            Threads = threads,
            SaveRuns = true,
            Cancellation = cancellation,
            Progress = progress is null ? null : progress.Report,
        });
        progress?.Finish();
        var sensitivities = TornadoAnalysis.Analyze(result.RunTable!, metrics, scenario.Seed);
        using (var folder = OutputFolder.Begin(outPath, options.Force))
        {
            TextFiles.Write(folder.File("sensitivity.csv"), writer => SensitivityWriter.WriteTornadoCsv(sensitivities, writer));
            TextFiles.WriteStream(folder.File("sensitivity.json"), stream => SensitivityWriter.WriteTornadoJson(scenario.Name, scenario.Seed, result.Runs, sensitivities, stream));
            TextFiles.Write(folder.File("report.html"), writer => writer.Write(Simulation.Reporting.SensitivityReport.RenderTornado(result, metrics, sensitivities)));
            if (!options.NoPlots)
            {
                foreach (var metric in metrics)
                {
                    var plot = SensitivityPlotter.Tornado(scenario.Name, metric, sensitivities, result.Of(metric).Statistics.Mean);
                    SensitivityPlotter.Save(plot, folder.StagingPath, SensitivityPlotter.TornadoFile(metric));
                }
            }
            folder.Commit();
        }
        var culture = CultureInfo.InvariantCulture;
        terminal.Out.WriteLine(string.Create(culture, $"{scenario.Name}: sensitivity from {result.Runs:N0} runs"));
        foreach (var metric in metrics)
        {
            var top = sensitivities.Where(s => s.Metric == metric).Take(3);
            var kind = OutputCatalogue.Of(metric).Kind;
            terminal.Out.WriteLine($"  {OutputCatalogue.Of(metric).Label}: " + string.Join("; ", top.Select(s =>
                string.Create(culture, $"{s.Input} swing {(s.Swing > 0 ? "+" : "")}{NumberText.Of(s.Swing, kind)} (rho {s.Spearman:0.00})"))));
        }
        terminal.Out.WriteLine($"  wrote {outPath}");
        return ExitCodes.Ok;
    }

    /// <summary>Why the analysis would not fit in half the machine's memory, with the numbers, or null.</summary>
    internal static string? MemoryRefusal(Scenario scenario, bool sobol, long samples, int metrics)
    {
        var compiled = new CompiledScenario(scenario);
        long available = ScenarioLoading.MemoryBudget;
        // The tornado keeps every run (inputs and metrics); Sobol keeps N values per metric for A, B and each factor's mix.
        // The analyses' working copies come on top: the tornado's paired columns, order and keys (about 40 bytes a run),
        // Sobol's bootstrap resamples (as much again).
        long bytes = sobol
            ? 2 * samples * (compiled.UncertainParameterIndices.Length + 3L) * Math.Max(1, metrics) * sizeof(double)
            : scenario.Runs * ((compiled.RecordedInputNames.Count + (long)OutputCatalogue.MetricCount) * sizeof(double) + 40);
        if (bytes <= available)
        {
            return null;
        }
        string what = sobol ? $"--samples {samples:N0} x {compiled.UncertainParameterIndices.Length + 3} columns x {Math.Max(1, metrics)} metrics" : $"--runs {scenario.Runs:N0} x {compiled.RecordedInputNames.Count + OutputCatalogue.MetricCount} columns";
        return $"{what} would need {bytes >> 20:N0} MiB in memory, more than half of the {available >> 19:N0} MiB available here; "
            + $"use fewer {(sobol ? "--samples" : "--runs")}. Nothing was run.";
    }

    private static int RunSobol(SensitivityOptions options, Terminal terminal, CancellationToken cancellation, Scenario scenario,
        List<Metric> metrics, string outPath, int threads)
    {
        int factors = new CompiledScenario(scenario).UncertainParameterIndices.Length + 1;
        if (scenario.Posterior is not null)
        {
            terminal.Error.WriteLine($"warning: {scenario.Name} draws {scenario.Posterior.KeyPaths.Count} inputs jointly from a posterior, so they are correlated; "
                + "Sobol indices assume independent inputs: read them as indicative, or use the tornado (--method tornado).");
        }
        int samples = options.Samples ?? 4096;
        bool quasiRandom = options.Design == "quasi-random" && ModelSobolAnalysis.QuasiRandomPossible(new CompiledScenario(scenario));
        if (options.Design == "quasi-random" && !quasiRandom)
        {
            terminal.Error.WriteLine($"note: {factors - 1} inputs need {2 * (factors - 1)} Sobol' dimensions, more than the {Simulation.Core.Sampling.SobolSequence.MaxDimensions} available; using independent draws.");
        }
        var progress = ScenarioLoading.Progress(options, terminal, (long)samples * (factors + 2));
        var results = ModelSobolAnalysis.Run(scenario, metrics, samples, options.Bootstrap ?? 200, threads, cancellation, progress is null ? null : progress.Report, quasiRandom);
        progress?.Finish();
        using (var folder = OutputFolder.Begin(outPath, options.Force))
        {
            TextFiles.Write(folder.File("sobol.csv"), writer => SensitivityWriter.WriteSobolCsv(results, writer));
            TextFiles.WriteStream(folder.File("sobol.json"), stream => SensitivityWriter.WriteSobolJson(scenario.Name, scenario.Seed, results, stream, quasiRandom));
            TextFiles.Write(folder.File("report.html"), writer => writer.Write(Simulation.Reporting.SensitivityReport.RenderSobol(scenario, results, quasiRandom)));
            if (!options.NoPlots)
            {
                foreach (var (metric, indices) in results)
                {
                    SensitivityPlotter.Save(SensitivityPlotter.Sobol(scenario.Name, metric, indices), folder.StagingPath, SensitivityPlotter.SobolFile(metric));
                }
            }
            folder.Commit();
        }
        var culture = CultureInfo.InvariantCulture;
        string design = quasiRandom ? "Saltelli's design on Owen-scrambled Sobol' points (quasi-random, as SALib)" : "Saltelli's design on independent draws";
        terminal.Out.WriteLine(string.Create(culture, $"{scenario.Name}: Sobol indices from {(long)samples * (factors + 2):N0} model runs (N = {samples:N0}), {design}"));
        foreach (var (metric, indices) in results)
        {
            var order = Enumerable.Range(0, indices.Factors.Count).OrderByDescending(i => indices.Total[i]).Take(3);
            terminal.Out.WriteLine($"  {OutputCatalogue.Of(metric).Label}: " + string.Join("; ", order.Select(i =>
                string.Create(culture, $"{indices.Factors[i]} S1 {indices.FirstOrder[i]:0.00} ST {indices.Total[i]:0.00}"))));
        }
        terminal.Out.WriteLine($"  wrote {outPath}");
        return ExitCodes.Ok;
    }
}
