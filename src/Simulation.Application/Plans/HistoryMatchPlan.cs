using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core.Requests;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim calibrate --method history-matching</c>: the region of the scenario's uncertain inputs the observations do not rule out.</summary>
public sealed class HistoryMatchPlan(HistoryMatchRequest request, IReadOnlyList<string> observationFiles) : VerbPlan
{
    /// <summary>The match asked for.</summary>
    public HistoryMatchRequest Request { get; } = request;

    /// <inheritdoc />
    public override string Verb => CalibrationPublication.Verb;

    /// <summary>out/NAME-history-match (with a hash of any --set values).</summary>
    public static string DefaultOutput(HistoryMatchRequest request, IReadOnlyList<string> assignments) =>
        Inputs.OutputFolders.Default(request.Scenario.Name, "history-match", assignments);

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) => Request.Validate(budget);

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        int threads = context.Budget.Threads(context.RequestedThreads, [Request.Scenario], new NoteCollection(context.Note));
        var match = Request.Execute(threads, context.Cancellation);
        context.Progress.Finish();
        return VerbOutcome.Done(HistoryMatchPublication.Of(match, observationFiles));
    }
}
