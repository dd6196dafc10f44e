using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Requests;
using Simulation.IO.Scenarios;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim compare</c>: scenario files to a <see cref="CompareRequest"/> and its plan.</summary>
internal static class CompareCommand
{
    public static int Execute(CompareOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            var overrides = OptionText.Overrides(options.Set, options.Runs, options.Seed, options.Months, problems);
            var thresholds = OptionText.Thresholds(options.Threshold, problems);
            var loaded = options.Scenarios.Select(spec => Load(spec, overrides, options.Strict, problems)).ToList();
            if (loaded.Any(l => l is null) || problems.Count > 0)
            {
                return null;
            }
            var request = new CompareRequest([.. loaded.Select(l => l!.Scenario!)])
            {
                CommonRandomNumbers = !options.Independent,
                Thresholds = thresholds,
            };
            return new ComparePlan(request, [.. loaded.Select(l => l!.Document!)])
            {
                OutPath = options.Out ?? ComparePlan.DefaultOutput(request, [.. options.Set]),
                Force = options.Force,
                Plots = !options.NoPlots,
                Source = options.Scenarios.First(),
            };
        });

    /// <summary>
    /// A scenario to compare: FILE.yaml, or FILE.yaml#POLICY for the file under one of its policies (named
    /// NAME-POLICY in the comparison, so that several policies of one file sit side by side).
    /// </summary>
    private static ScenarioLoadResult? Load(string spec, IReadOnlyList<ScenarioOverride> overrides, bool strict, Problems problems)
    {
        int hash = spec.LastIndexOf('#');
        if (hash <= 0 || File.Exists(spec))
        {
            return ScenarioInputs.Load(spec, overrides, strict, problems);
        }
        string policy = spec[(hash + 1)..];
        var loaded = ScenarioInputs.Load(spec[..hash], [.. overrides, new ScenarioOverride("policy", policy, spec)], strict, problems);
        if (loaded?.Scenario is not { } scenario || loaded.Document is not { } document)
        {
            return loaded;
        }
        string name = $"{scenario.Name}-{policy}";
        return loaded with { Scenario = scenario with { Name = name }, Document = document.With("scenario", name) };
    }
}
