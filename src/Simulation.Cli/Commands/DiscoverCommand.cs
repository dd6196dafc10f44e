using System.Globalization;
using Simulation.Core.Discovery;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Analysis;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.Plotting;

namespace Simulation.Cli.Commands;

internal static class DiscoverCommand
{
    public static int Execute(DiscoverOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var problems = new List<ScenarioProblem>();
        var conditionProblems = new ProblemList();
        var condition = ConditionParser.Parse(options.Where, $"--where \"{options.Where}\"", conditionProblems);
        problems.AddRange(conditionProblems.Items);
        var prim = new PrimOptions();
        prim = prim with
        {
            PeelAlpha = Fraction("--peel-alpha", options.PeelAlpha, prim.PeelAlpha, 0.5, problems),
            PasteAlpha = Fraction("--paste-alpha", options.PasteAlpha, prim.PasteAlpha, 0.5, problems),
            MassMin = Fraction("--mass-min", options.MassMin, prim.MassMin, 1, problems),
        };
        if (options.Box is < 0)
        {
            problems.Add(new ScenarioProblem(new($"--box {options.Box}", 0, 0), "", "is a step of the trajectory, counted from 0"));
        }

        RunTable? table = null;
        string name;
        long seed;
        string source;
        Simulation.IO.Scenarios.ScenarioDocument? document = null;
        if (Directory.Exists(options.Source))
        {
            // A folder of 'laborsim run --save-runs': its runs, and its as-run scenario for the name and the seed.
            if (options.Set.Any() || options.Runs is not null || options.Months is not null)
            {
                problems.Add(new ScenarioProblem(new(options.Source, 0, 0), "", "is a folder of runs already made: --set, --runs and --months apply only to a scenario file"));
            }
            var tableProblems = new ProblemList();
            table = RunsCsvReader.Read(Path.Combine(options.Source, "runs.csv"), tableProblems);
            problems.AddRange(tableProblems.Items);
            var asRun = Path.Combine(options.Source, "scenario.yaml");
            var loadedRun = File.Exists(asRun) ? ScenarioReader.LoadFile(asRun) : null;
            name = loadedRun?.Scenario?.Name ?? Path.GetFileName(Path.GetFullPath(options.Source));
            seed = options.Seed is { } text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long given) ? given : loadedRun?.Scenario?.Seed ?? 0;
            source = Path.Combine(options.Source, "runs.csv");
            if (problems.Count > 0 || condition is null || table is null)
            {
                ProblemPrinter.Print(terminal, problems, "nothing was written");
                return ExitCodes.BadInput;
            }
        }
        else
        {
            var overrides = ScenarioLoading.Overrides(options, problems);
            var loaded = ScenarioLoading.Load(options.Source, overrides, problems, terminal, options.Strict);
            if (problems.Count > 0 || condition is null || loaded.Scenario is null || loaded.Document is null)
            {
                ProblemPrinter.Print(terminal, problems, "nothing was run");
                return ExitCodes.BadInput;
            }
            var scenario = loaded.Scenario;
            if (RunCommand.SaveRunsRefusal(scenario, options.Out ?? "out") is { } refusal)
            {
                terminal.Error.WriteLine(refusal.Replace("--save-runs", "discover keeps every run, and", StringComparison.Ordinal));
                return ExitCodes.BadInput;
            }
            name = scenario.Name;
            seed = scenario.Seed;
            source = $"a fresh run ({scenario.Runs:N0} runs, seed {scenario.Seed})";
            document = loaded.Document;
            var progress = ScenarioLoading.Progress(options, terminal, scenario.Runs);
            try
            {
                table = MonteCarloRunner.Run(scenario, new RunnerOptions
                {
                    Threads = ScenarioLoading.Threads(options, terminal, scenario),
                    SaveRuns = true,
                    Cancellation = cancellation,
                    Progress = progress is null ? null : progress.Report,
                }).RunTable!;
            }
            catch (OperationCanceledException)
            {
                return ScenarioLoading.Interrupted(progress, terminal);
            }
            progress?.Finish();
        }

        var data = ScenarioDiscovery.Points(table, condition);
        if (data.HitCount == 0 || data.HitCount == data.Count || data.Dimensions == 0)
        {
            string why = data.Dimensions == 0 ? "no input varies across the runs"
                : data.HitCount == 0 ? $"no run meets {condition}" : $"every run meets {condition}";
            terminal.Error.WriteLine($"--where \"{options.Where}\": {why} in {data.Count:N0} runs, so there is nothing to tell apart; loosen or tighten the condition (or run more runs). Nothing was written.");
            return ExitCodes.BadInput;
        }
        var trajectory = Prim.Run(data, prim);
        if (options.Box is { } asked && asked >= trajectory.Steps.Count)
        {
            terminal.Error.WriteLine($"--box {asked}: the trajectory has steps 0 to {trajectory.Steps.Count - 1}; pick one of them (prim_trajectory.csv lists them). Nothing was written.");
            return ExitCodes.BadInput;
        }
        var result = ScenarioDiscovery.Analyse(data, condition, prim, options.Box, seed);

        string outPath = options.Out ?? Path.Combine("out", $"{name}-discovery");
        if (OutputTargets.Refused(outPath, options.Force, terminal))
        {
            return ExitCodes.BadInput;
        }
        using (var folder = OutputFolder.Begin(outPath, options.Force))
        {
            TextFiles.Write(folder.File("prim_trajectory.csv"), writer => DiscoveryWriter.WriteTrajectory(result, writer));
            TextFiles.Write(folder.File("prim_box.csv"), writer => DiscoveryWriter.WriteBox(result, writer));
            TextFiles.WriteStream(folder.File("discovery.json"), stream => DiscoveryWriter.WriteJson(result, source, stream));
            document?.WriteAsRun(folder.File("scenario.yaml"), $"Scenario {name} as run by laborsim discover: overrides applied, defaults written out.");
            if (!options.NoPlots)
            {
                DiscoveryPlotter.Tradeoff(result, name).SavePng(folder.File("prim_tradeoff.png"), PlotStyle.Width, PlotStyle.Height);
                DiscoveryPlotter.Limits(result, name).SavePng(folder.File("prim_limits.png"), PlotStyle.Width, PlotStyle.Height);
            }
            TextFiles.Write(folder.File("report.html"), writer => writer.Write(Simulation.Reporting.DiscoveryReport.Render(result, name, source)));
            folder.Commit();
        }
        if (!options.Quiet)
        {
            var box = result.Box;
            terminal.Out.WriteLine($"{name}: {data.HitCount:N0} of {data.Count:N0} runs ({NumberText.Percent((double)data.HitCount / data.Count)}) meet {condition}");
            terminal.Out.WriteLine($"  box (step {box.Index} of {trajectory.Steps.Count - 1}): density {NumberText.Percent(box.Density)}, coverage {NumberText.Percent(box.Coverage)}, mass {NumberText.Percent(box.Mass)}");
            foreach (var limit in result.QuasiPValues.OrderBy(p => p.PValue))
            {
                terminal.Out.WriteLine($"  {limit.Name,-34} {data.Describe(limit.Dimension, limit.Lower, limit.Upper, NumberText.Plain),-20}   quasi-p {DiscoveryPlotter.PValue(limit.PValue)}, in {NumberText.Percent(result.Reproducibility[limit.Dimension].ByCoverage)} of resamples");
            }
            terminal.Out.WriteLine($"  wrote {outPath}");
        }
        return ExitCodes.Ok;
    }

    private static double Fraction(string option, double? value, double fallback, double below, List<ScenarioProblem> problems)
    {
        if (value is not { } given)
        {
            return fallback;
        }
        if (!(given > 0 && given < below))
        {
            problems.Add(new ScenarioProblem(new($"{option} {given.ToString(CultureInfo.InvariantCulture)}", 0, 0), "", $"must lie strictly between 0 and {below.ToString(CultureInfo.InvariantCulture)} (default {fallback.ToString(CultureInfo.InvariantCulture)})"));
            return fallback;
        }
        return given;
    }
}
