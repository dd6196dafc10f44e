using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Requests;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim target</c>: options to a <see cref="TargetRequest"/> and its plan (docs/decisions.md).</summary>
internal static class TargetCommand
{
    public static int Execute(TargetOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            if (options.Threshold.Any())
            {
                problems.Option("--threshold", "target asks about one condition, --where; for P(METRIC > VALUE) at one setting, use 'laborsim run --set LEVER=VALUE --threshold'");
            }
            Simulation.Core.Calendar.YearMonth? from = null;
            if (options.From is { } fromText)
            {
                if (Simulation.Core.Calendar.YearMonth.TryParse(fromText, out var month))
                {
                    from = month;
                }
                else
                {
                    problems.Option($"--from {fromText}", "must be a month written YYYY-MM, e.g. 2027-01");
                }
            }
            var loaded = ScenarioArguments.Load(options, options.Scenario, problems);
            var condition = OptionText.Condition("--where", options.Where, problems);
            if (loaded is null || condition is null || problems.Count > 0)
            {
                return null;
            }
            var request = new TargetRequest(loaded.Scenario!, [.. options.Levers], condition, options.AtMost)
            {
                Confidence = options.Confidence ?? 0.95,
                Tolerance = options.Tolerance,
                GridPoints = options.Grid ?? 9,
                StrongestIsLower = options.StrongestIsLower,
                From = from,
            };
            return new TargetPlan(request, loaded.Document!)
            {
                OutPath = options.Out ?? TargetPlan.DefaultOutput(request, [.. options.Set]),
                Force = options.Force,
                Plots = !options.NoPlots,
                Source = options.Scenario,
            };
        });
}
