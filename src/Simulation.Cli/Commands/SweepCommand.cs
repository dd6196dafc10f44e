using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Requests;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim sweep</c>: levers to a <see cref="SweepRequest"/> and its plan.</summary>
internal static class SweepCommand
{
    public static int Execute(SweepOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            var loaded = ScenarioArguments.Load(options, options.Scenario, problems);
            // A probability by the horizon (enforced_by_horizon) is a metric of the whole set of runs, not of one run.
            var probabilities = new List<HorizonProbability>();
            foreach (string name in options.Metrics)
            {
                if (OutputCatalogue.TryParseProbability(name, out var probability))
                {
                    probabilities.Add(probability);
                }
            }
            var metrics = OptionText.Metrics(options.Metrics.Where(name => !OutputCatalogue.TryParseProbability(name, out _)), "--metric", problems);
            var thresholds = OptionText.Thresholds(options.Threshold, problems);
            if (loaded is null)
            {
                return null;
            }
            var leverProblems = new ProblemList();
            var levers = options.Over.Select(text => SweepAxis.Parse(text, loaded.Scenario!, leverProblems)).ToList();
            problems.Add(leverProblems.Items);
            if (problems.Count > 0)
            {
                return null;
            }
            var request = new SweepRequest(loaded.Scenario!, [.. levers.OfType<SweepLever>()], metrics) { Thresholds = thresholds, Probabilities = probabilities };
            return new SweepPlan(request)
            {
                OutPath = options.Out ?? SweepPlan.DefaultOutput(request, [.. options.Over], [.. options.Set]),
                Force = options.Force,
                Plots = !options.NoPlots,
                Source = options.Scenario,
            };
        });
}
