using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core.Model;
using Simulation.Core.Requests;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim discover</c>: PRIM on the runs of a scenario made here, or on a folder of runs made before.</summary>
public sealed class DiscoverPlan(DiscoveryRequest request, string name, string source, ScenarioDocument? document) : VerbPlan
{
    /// <summary>The discovery asked for.</summary>
    public DiscoveryRequest Request { get; } = request;

    /// <summary>
    /// The scenario the runs read from a folder came from (its as-run scenario.yaml), so inputs, dates and the
    /// condition read in words; null when unknown. A scenario run here speaks for itself.
    /// </summary>
    public Scenario? Words { get; init; }

    /// <inheritdoc />
    public override string Verb => DiscoveryPublication.Verb;

    /// <summary>out/NAME-discover-CONDITION (with a hash of any --set values): each question its own folder.</summary>
    public static string DefaultOutput(string name, DiscoveryRequest request, IReadOnlyList<string> assignments) =>
        Inputs.OutputFolders.Default(name, "discover-" + request.Condition, assignments);

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) => Request.Validate(budget);

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        var scenarios = Request.Scenario is { } scenario ? new[] { scenario } : [];
        var progress = Request.Scenario is null ? null : context.Progress.Runs(Request.Scenario.Runs);
        int threads = context.Budget.Threads(context.RequestedThreads, scenarios, new NoteCollection(context.Note));
        var result = Request.Execute(threads, progress, context.Cancellation);
        context.Progress.Finish();
        return VerbOutcome.Done(DiscoveryPublication.Of(result, Request.Condition, name, source, document, Request.Scenario ?? Words));
    }
}
