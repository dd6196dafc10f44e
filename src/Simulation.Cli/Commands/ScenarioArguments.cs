using Simulation.Application.Inputs;
using Simulation.IO.Scenarios;

namespace Simulation.Cli.Commands;

/// <summary>The scenario a command's options name, loaded with the overrides those options make.</summary>
internal static class ScenarioArguments
{
    /// <summary>Overrides from --set, --runs, --seed and --months; extra positional arguments are a problem, never ignored.</summary>
    public static List<ScenarioOverride> Overrides(ScenarioOptions options, Problems problems)
    {
        if (options.Extra.Any())
        {
            problems.Option(string.Join(' ', options.Extra),
                "is more than this command takes: it runs one SCENARIO.yaml (run several one by one, or side by side with 'laborsim compare A.yaml B.yaml')");
        }
        var overrides = OptionText.Overrides(options.Set, options.Runs, options.Seed, options.Months, problems);
        if (options.Policy is { } policy)
        {
            overrides.Add(new ScenarioOverride("policy", policy, $"--policy {policy}"));
        }
        return overrides;
    }

    /// <summary>The scenario in <paramref name="file"/> with the options' overrides; null with problems when it cannot run.</summary>
    public static ScenarioLoadResult? Load(ScenarioOptions options, string file, Problems problems) =>
        ScenarioInputs.Load(file, Overrides(options, problems), options.Strict, problems);
}
