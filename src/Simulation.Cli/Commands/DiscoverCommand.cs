using System.Globalization;
using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Discovery;
using Simulation.Core.Requests;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim discover</c>: a condition and a scenario (or a folder of runs) to a <see cref="DiscoveryRequest"/> and its plan.</summary>
internal static class DiscoverCommand
{
    public static int Execute(DiscoverOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            var conditionProblems = new ProblemList();
            var condition = ConditionParser.Parse(options.Where, OptionText.Source("--where", options.Where), conditionProblems);
            problems.Add(conditionProblems.Items);
            if (options.Threshold.Any())
            {
                problems.Option("--threshold", "gives a probability; discover answers for a condition instead: --where \"METRIC > VALUE\" (its report gives the share of runs meeting it)");
            }
            var defaults = new PrimOptions();
            var prim = defaults with
            {
                PeelAlpha = options.PeelAlpha ?? defaults.PeelAlpha,
                PasteAlpha = options.PasteAlpha ?? defaults.PasteAlpha,
                MassMin = options.MassMin ?? defaults.MassMin,
            };
            return Directory.Exists(options.Source) ? FromFolder(options, condition, prim, problems) : FromScenario(options, condition, prim, problems);
        });

    /// <summary>A folder of 'laborsim run --save-runs': its runs, and its as-run scenario for the name and the seed.</summary>
    private static DiscoverPlan? FromFolder(DiscoverOptions options, OutcomeCondition? condition, PrimOptions prim, Problems problems)
    {
        if (options.Set.Any() || options.Runs is not null || options.Months is not null)
        {
            problems.Option(options.Source, "is a folder of runs already made: --set, --runs and --months apply only to a scenario file");
        }
        var saved = SavedRuns.Read(options.Source, problems);
        var (table, run) = (saved.Table, saved.AsRun);
        string name = run?.Name ?? Path.GetFileName(Path.GetFullPath(options.Source));
        long seed = run?.Seed ?? 0;
        if (options.Seed is { } text)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long given))
            {
                seed = given;
            }
            else
            {
                problems.Option($"--seed {text}", "must be a whole number, e.g. --seed 42");
            }
        }
        if (problems.Count > 0 || condition is null || table is null)
        {
            return null;
        }
        var request = new DiscoveryRequest(condition, prim) { Runs = table, Box = options.Box, Seed = seed };
        return new DiscoverPlan(request, name, saved.RunsPath, null)
        {
            Words = run,
            OutPath = options.Out ?? DiscoverPlan.DefaultOutput(name, request, []),
            Force = options.Force,
            Plots = !options.NoPlots,
            Source = options.Source,
        };
    }

    private static DiscoverPlan? FromScenario(DiscoverOptions options, OutcomeCondition? condition, PrimOptions prim, Problems problems)
    {
        var loaded = ScenarioArguments.Load(options, options.Source, problems);
        if (problems.Count > 0 || condition is null || loaded is null)
        {
            return null;
        }
        var scenario = loaded.Scenario!;
        var request = new DiscoveryRequest(condition, prim) { Scenario = scenario, Box = options.Box, Seed = scenario.Seed };
        return new DiscoverPlan(request, scenario.Name, $"a fresh run ({scenario.Runs:N0} runs, seed {scenario.Seed})", loaded.Document)
        {
            OutPath = options.Out ?? DiscoverPlan.DefaultOutput(scenario.Name, request, [.. options.Set]),
            Force = options.Force,
            Plots = !options.NoPlots,
            Source = options.Source,
        };
    }
}
