using System.Globalization;
using Simulation.Core.Analysis;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Analysis;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.Plotting;

namespace Simulation.Cli.Commands;

internal static class SweepCommand
{
    private const int MaxPoints = 10_000;

    public static int Execute(SweepOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var problems = new List<ScenarioProblem>();
        var overrides = ScenarioLoading.Overrides(options, problems);
        var metrics = ScenarioLoading.Metrics(options.Metrics, "--metric", problems);
        var loaded = ScenarioLoading.Load(options.Scenario, overrides, problems, terminal, options.Strict);
        var axes = new List<SweepLever?>();
        if (loaded.Scenario is { } loadedScenario)
        {
            var parseProblems = new ProblemList();
            axes.AddRange(options.Over.Select(text => SweepAxis.Parse(text, loadedScenario, parseProblems)));
            problems.AddRange(parseProblems.Items);
        }
        if (axes.Count > 2)
        {
            problems.Add(new ScenarioProblem(new("--over", 0, 0), "", $"at most two levers make a grid, got {axes.Count}"));
        }
        if (axes.Count == 2 && axes[0]?.KeyPath == axes[1]?.KeyPath)
        {
            problems.Add(new ScenarioProblem(new("--over", 0, 0), axes[0]!.KeyPath, "is given twice; sweep two different levers"));
        }
        long points = axes.Aggregate(1L, (product, axis) => product * (axis?.Values.Count ?? 1));
        if (points > MaxPoints)
        {
            problems.Add(new ScenarioProblem(new("--over", 0, 0), "", $"the grid has {points:N0} points, more than {MaxPoints:N0}; use fewer values"));
        }
        if (problems.Count > 0 || loaded.Scenario is null || axes.Any(a => a is null))
        {
            ProblemPrinter.Print(terminal, problems, "nothing was run");
            return ExitCodes.BadInput;
        }

        var scenario = loaded.Scenario;
        var usedAxes = axes.Select(a => a!).ToList();
        var first = usedAxes[0];
        var second = usedAxes.Count > 1 ? usedAxes[1] : null;
        string outPath = options.Out ?? Path.Combine("out", $"{scenario.Name}-sweep");
        if (OutputTargets.Refused(outPath, options.Force, terminal))
        {
            return ExitCodes.BadInput;
        }
        var progress = ScenarioLoading.Progress(options, terminal, scenario.Runs * points);
        IReadOnlyList<SweepPoint> results;
        try
        {
            results = SweepAnalysis.Run(scenario, usedAxes, new RunnerOptions
            {
                Threads = ScenarioLoading.Threads(options, terminal, scenario),
                Cancellation = cancellation,
                Progress = progress is null ? null : progress.Report,
            });
        }
        catch (OperationCanceledException)
        {
            return ScenarioLoading.Interrupted(progress, terminal);
        }
        progress?.Finish();

        using (var folder = OutputFolder.Begin(outPath, options.Force))
        {
            TextFiles.Write(folder.File("sweep.csv"), writer => SweepWriter.WriteCsv(usedAxes, results, writer));
            var plotted = results.Select(p => (p.LeverValues[0], p.LeverValues.Count > 1 ? p.LeverValues[1] : double.NaN, p.Result)).ToList();
            TextFiles.Write(folder.File("report.html"), writer => writer.Write(Simulation.Reporting.SweepReport.Render(scenario, metrics, first.KeyPath, second?.KeyPath, plotted)));
            if (!options.NoPlots)
            {
                foreach (var metric in metrics)
                {
                    var plot = SweepPlotter.Plot(scenario.Name, metric, first.KeyPath, second?.KeyPath, plotted);
                    SweepPlotter.Save(plot, folder.StagingPath, SweepPlotter.FileName(metric));
                }
            }
            folder.Commit();
        }
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name}: {results.Count} grid points x {scenario.Runs:N0} runs over {string.Join(" and ", usedAxes.Select(a => a.KeyPath))} (common random numbers)"));
        terminal.Out.WriteLine($"  wrote {outPath}");
        return ExitCodes.Ok;
    }
}
