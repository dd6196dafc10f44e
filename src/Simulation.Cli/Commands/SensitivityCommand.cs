using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Requests;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim sensitivity</c>: options to a <see cref="SensitivityRequest"/> and its plan.</summary>
internal static class SensitivityCommand
{
    public static int Execute(SensitivityOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            var loaded = ScenarioArguments.Load(options, options.Scenario, problems);
            var method = OptionText.Choice("method", options.Method, ["tornado", "sobol"], problems);
            var design = OptionText.Choice("design", options.Design, ["quasi-random", "random"], problems);
            var metrics = OptionText.Metrics(options.Metrics, "--metric", problems);
            if (options.Threshold.Any())
            {
                problems.Option("--threshold", "gives probabilities of a run's outcomes; a sensitivity analysis ranks inputs instead: run 'laborsim run --threshold' or 'laborsim sweep --threshold'");
            }
            if (method == "tornado" && (options.Samples is not null || options.Bootstrap is not null))
            {
                problems.Option(options.Samples is not null ? "--samples" : "--bootstrap", "goes with --method sobol; the tornado uses one Monte Carlo run of --runs runs");
            }
            if (method == "sobol" && design == "quasi-random" && options.Bootstrap is not null)
            {
                problems.Option("--bootstrap", $"goes with --design random; the quasi-random design's intervals come from {Simulation.Core.Analysis.ModelSobolAnalysis.QuasiRandomReplicates} independently scrambled blocks of its samples (a bootstrap of quasi-random rows overstates the error)");
            }
            if (loaded is null || problems.Count > 0)
            {
                return null;
            }
            var request = new SensitivityRequest(loaded.Scenario!, method == "sobol" ? SensitivityMethod.Sobol : SensitivityMethod.Tornado, metrics)
            {
                Samples = options.Samples ?? SensitivityRequest.DefaultSamples,
                Bootstrap = options.Bootstrap ?? SensitivityRequest.DefaultBootstrap,
                QuasiRandom = design == "quasi-random",
            };
            return new SensitivityPlan(request)
            {
                OutPath = options.Out ?? SensitivityPlan.DefaultOutput(request, [.. options.Set]),
                Force = options.Force,
                Plots = !options.NoPlots,
                Source = options.Scenario,
            };
        });
}
