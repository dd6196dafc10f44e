using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core.Requests;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim sweep</c>: a scenario over a grid of one or two levers.</summary>
public sealed class SweepPlan(SweepRequest request) : VerbPlan
{
    /// <summary>The sweep asked for.</summary>
    public SweepRequest Request { get; } = request;

    /// <inheritdoc />
    public override string Verb => SweepPublication.Verb;

    /// <summary>out/NAME-sweep-LEVER-START-STOP-COUNT[-LEVER2-...]: a sweep over other levers or ranges never lands in this one's folder.</summary>
    public static string DefaultOutput(SweepRequest request, IReadOnlyList<string> texts, IReadOnlyList<string> assignments) =>
        Inputs.OutputFolders.Default(request.Scenario.Name, "sweep-" + string.Join("-", texts), assignments);

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) => Request.Validate(budget);

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        var scenario = Request.Scenario;
        var progress = context.Progress.Runs(scenario.Runs * Request.Points);
        int threads = context.Budget.Threads(context.RequestedThreads, [scenario], new NoteCollection(context.Note));
        var results = Request.Execute(threads, progress, context.Cancellation);
        context.Progress.Finish();
        return VerbOutcome.Done(SweepPublication.Of(scenario, Request.Levers, Request.Metrics, results, Request.Thresholds, Request.Probabilities));
    }
}
