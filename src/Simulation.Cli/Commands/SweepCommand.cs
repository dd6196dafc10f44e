using System.Globalization;
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
        var parseProblems = new ProblemList();
        var axes = options.Over.Select(text => SweepAxis.Parse(text, parseProblems)).ToList();
        problems.AddRange(parseProblems.Items);
        if (axes.Count > 2)
        {
            problems.Add(new ScenarioProblem(new("--over", 0, 0), "", $"at most two levers make a grid, got {axes.Count}"));
        }
        if (axes.Count == 2 && axes[0]?.KeyPath == axes[1]?.KeyPath)
        {
            problems.Add(new ScenarioProblem(new("--over", 0, 0), axes[0]!.KeyPath, "is given twice; sweep two different levers"));
        }
        var loaded = ScenarioLoading.Load(options.Scenario, overrides, problems);
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

        // Every grid point: the file with the user's overrides and the levers' values, same seed (common random numbers).
        var grid = new List<(double[] Values, Scenario Scenario)>();
        var first = axes[0]!;
        var second = axes.Count > 1 ? axes[1] : null;
        foreach (double secondValue in second?.Values ?? [double.NaN])
        {
            foreach (double firstValue in first.Values)
            {
                var pointOverrides = new List<ScenarioOverride>(overrides) { first.At(firstValue) };
                if (second is not null)
                {
                    pointOverrides.Add(second.At(secondValue));
                }
                var point = ScenarioLoading.Load(options.Scenario, pointOverrides, problems);
                if (point.Scenario is not null)
                {
                    grid.Add((second is null ? [firstValue] : [firstValue, secondValue], point.Scenario));
                }
            }
        }
        if (problems.Count > 0)
        {
            ProblemPrinter.Print(terminal, problems, "nothing was run");
            return ExitCodes.BadInput;
        }

        var scenario = loaded.Scenario;
        string outPath = options.Out ?? Path.Combine("out", $"{scenario.Name}-sweep");
        if (OutputTargets.Refused(outPath, options.Force, terminal))
        {
            return ExitCodes.BadInput;
        }
        var progress = ScenarioLoading.Progress(options, terminal, scenario.Runs * grid.Count);
        var results = new List<SweepPoint>();
        try
        {
            long before = 0;
            foreach (var (values, pointScenario) in grid)
            {
                long offset = before;
                var result = MonteCarloRunner.Run(pointScenario, new RunnerOptions
                {
                    Threads = options.Threads ?? Environment.ProcessorCount,
                    Cancellation = cancellation,
                    Progress = progress is null ? null : p => progress.Report(new RunProgress(offset + p.Done, scenario.Runs * grid.Count, null)),
                });
                results.Add(new SweepPoint(values, result));
                before += result.Runs;
            }
        }
        catch (OperationCanceledException)
        {
            return ScenarioLoading.Interrupted(progress, terminal);
        }
        progress?.Finish();

        var usedAxes = axes.Select(a => a!).ToList();
        using (var folder = OutputFolder.Begin(outPath))
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
            $"{scenario.Name}: {grid.Count} grid points x {scenario.Runs:N0} runs over {string.Join(" and ", usedAxes.Select(a => a.KeyPath))} (common random numbers)"));
        terminal.Out.WriteLine($"  wrote {outPath}");
        return ExitCodes.Ok;
    }
}
