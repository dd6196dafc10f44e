using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Analysis;
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
            var (metrics, probabilities) = OptionText.MetricsAndProbabilities(options.Metrics, "--metric", problems);
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
