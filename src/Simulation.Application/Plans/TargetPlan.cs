using System.Globalization;
using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core.Requests;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim target</c>: the weakest setting of a lever (or a frontier of two) that keeps P(condition) under a bound.</summary>
public sealed class TargetPlan(TargetRequest request, ScenarioDocument document) : VerbPlan
{
    /// <summary>The search asked for.</summary>
    public TargetRequest Request { get; } = request;

    /// <inheritdoc />
    public override string Verb => TargetPublication.Verb;

    /// <summary>out/NAME-target-LEVER[-LEVER2]-CONDITION-P: each question its own folder.</summary>
    public static string DefaultOutput(TargetRequest request, IReadOnlyList<string> assignments) =>
        Inputs.OutputFolders.Default(request.Scenario.Name,
            $"target-{string.Join("-", request.LeverKeys)}-{request.Condition}-{request.AtMost.ToString("R", CultureInfo.InvariantCulture)}", assignments);

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) => Request.Validate(budget);

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        var scenario = Request.Scenario;
        int threads = context.Budget.Threads(context.RequestedThreads, [scenario], new NoteCollection(context.Note));
        var progress = context.Progress.Runs(Request.ExpectedRuns);
        var analysis = Request.Execute(threads, progress, context.Cancellation);
        context.Progress.Finish();
        return VerbOutcome.Done(TargetPublication.Of(analysis, document));
    }
}
