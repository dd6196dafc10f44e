using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core.Requests;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim calibrate A.yaml B.yaml ...</c>: which of competing scenarios the observations favour, and each one's posterior.</summary>
public sealed class ModelChoicePlan(ModelChoiceRequest request, IReadOnlyList<ScenarioDocument> documents, IReadOnlyList<string> observationFiles) : VerbPlan
{
    /// <summary>The choice asked for.</summary>
    public ModelChoiceRequest Request { get; } = request;

    /// <inheritdoc />
    public override string Verb => CalibrationPublication.Verb;

    /// <summary>out/A-vs-B-...-model-choice (with a hash of any --set values).</summary>
    public static string DefaultOutput(ModelChoiceRequest request, IReadOnlyList<string> assignments) =>
        Inputs.OutputFolders.Default(string.Join("-vs-", request.Scenarios.Select(s => s.Name)), "model-choice", assignments);

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) => Request.Validate(budget);

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        int threads = context.Budget.Threads(context.RequestedThreads, Request.Scenarios, new NoteCollection(context.Note));
        var choice = Request.Execute(threads, context.Cancellation);
        context.Progress.Finish();
        return VerbOutcome.Done(ModelChoicePublication.Of(choice, documents, Request.Abc, observationFiles));
    }
}
