using System.Globalization;
using Simulation.Application.Inputs;
using Simulation.Core.Discovery;
using Simulation.Core.Requests;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim discover</c>'s settings checked and made into a discovery plan, on a scenario file or a folder of runs already made.</summary>
public static class DiscoverPlanner
{
    /// <summary>
    /// The plan for <paramref name="settings"/>; <paramref name="loadScenario"/> loads the scenario file with the
    /// command's overrides when the source is not a folder. Null, with the problems added, when it cannot run.
    /// </summary>
    public static DiscoverPlan? Plan(DiscoverSettings settings, Func<ScenarioLoadResult?> loadScenario, Problems problems)
    {
        var condition = OptionText.Condition("--where", settings.Where, problems);
        if (settings.ThresholdsGiven)
        {
            problems.Option("--threshold", "gives a probability; discover answers for a condition instead: --where \"METRIC > VALUE\" (its report gives the share of runs meeting it)");
        }
        var defaults = new PrimOptions();
        var prim = defaults with
        {
            PeelAlpha = settings.PeelAlpha ?? defaults.PeelAlpha,
            PasteAlpha = settings.PasteAlpha ?? defaults.PasteAlpha,
            MassMin = settings.MassMin ?? defaults.MassMin,
        };
        return Directory.Exists(settings.Source) ? FromFolder(settings, condition, prim, problems) : FromScenario(settings, loadScenario(), condition, prim, problems);
    }

    /// <summary>A folder of 'laborsim run --save-runs': its runs, and its as-run scenario for the name and the seed.</summary>
    private static DiscoverPlan? FromFolder(DiscoverSettings settings, OutcomeCondition? condition, PrimOptions prim, Problems problems)
    {
        if (settings.ScenarioOverridesGiven)
        {
            problems.Option(settings.Source, "is a folder of runs already made: --set, --runs and --months apply only to a scenario file");
        }
        var saved = SavedRuns.Read(settings.Source, problems);
        var (table, run) = (saved.Table, saved.AsRun);
        string name = run?.Name ?? Path.GetFileName(Path.GetFullPath(settings.Source));
        long seed = run?.Seed ?? 0;
        if (settings.Seed is { } text)
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
        var request = new DiscoveryRequest(condition, prim) { Runs = table, Box = settings.Box, Seed = seed };
        return new DiscoverPlan(request, name, saved.RunsPath, null)
        {
            Words = run,
            OutPath = settings.Out ?? DiscoverPlan.DefaultOutput(name, request, []),
            Force = settings.Force,
            Plots = settings.Plots,
            Source = settings.Source,
        };
    }

    private static DiscoverPlan? FromScenario(DiscoverSettings settings, ScenarioLoadResult? loaded, OutcomeCondition? condition, PrimOptions prim, Problems problems)
    {
        if (problems.Count > 0 || condition is null || loaded is null)
        {
            return null;
        }
        var scenario = loaded.Scenario!;
        var request = new DiscoveryRequest(condition, prim) { Scenario = scenario, Box = settings.Box, Seed = scenario.Seed };
        return new DiscoverPlan(request, scenario.Name, $"a fresh run ({scenario.Runs:N0} runs, seed {scenario.Seed})", loaded.Document)
        {
            OutPath = settings.Out ?? DiscoverPlan.DefaultOutput(scenario.Name, request, settings.Assignments),
            Force = settings.Force,
            Plots = settings.Plots,
            Source = settings.Source,
        };
    }
}
