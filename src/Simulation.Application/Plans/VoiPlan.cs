using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core.Requests;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim voi</c>: what an observation, or an input learnt, would be worth for a forecast and a decision.</summary>
public sealed class VoiPlan(VoiRequest request, ScenarioDocument document, string? planName) : VerbPlan
{
    /// <summary>The analysis asked for.</summary>
    public VoiRequest Request { get; } = request;

    /// <inheritdoc />
    public override string Verb => VoiPublication.Verb;

    /// <summary>out/NAME-voi-METRIC[-PLAN]: each question its own folder.</summary>
    public static string DefaultOutput(VoiRequest request, string? planName, IReadOnlyList<string> assignments) =>
        Inputs.OutputFolders.Default(request.Scenario.Name, $"voi-{request.Measure.Name}{(planName is null ? "" : "-" + planName)}", assignments);

    /// <summary>The plan file's name without its extension, which names the default folder; null without --plan.</summary>
    public string? PlanName { get; } = planName;

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) => Request.Validate(budget);

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        var scenario = Request.Scenario;
        int threads = context.Budget.Threads(context.RequestedThreads, [scenario], new NoteCollection(context.Note));
        long total = scenario.Runs * (1 + (scenario.Policies.Count > 0 ? scenario.PoliciesWithStatusQuo().Count : 0));
        var progress = context.Progress.Runs(total);
        var analysis = Request.Execute(threads, progress, context.Cancellation);
        context.Progress.Finish();
        return VerbOutcome.Done(VoiPublication.Of(analysis, document));
    }
}
