using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core.Requests;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim calibrate</c>: a posterior for the scenario's uncertain inputs from observation files.</summary>
public sealed class CalibratePlan(CalibrationRequest request, ScenarioDocument document, IReadOnlyList<string> observationFiles) : VerbPlan
{
    /// <summary>The calibration asked for.</summary>
    public CalibrationRequest Request { get; } = request;

    /// <inheritdoc />
    public override string Verb => CalibrationPublication.Verb;

    /// <summary>
    /// out/NAME-calibration (with a hash of any --set values): not the folder the calibrated scenario's own runs go to
    /// (out/NAME-calibrated), so running it never meets the calibration's files.
    /// </summary>
    public static string DefaultOutput(CalibrationRequest request, IReadOnlyList<string> assignments) =>
        Inputs.OutputFolders.Default(request.Scenario.Name, "calibration", assignments);

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) => Request.Validate(budget);

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        int threads = context.Budget.Threads(context.RequestedThreads, [Request.Scenario], new NoteCollection(context.Note));
        var result = Request.Execute(threads, context.Progress.Calibration(), context.Cancellation);
        context.Progress.Finish();
        return VerbOutcome.Done(CalibrationPublication.Of(result, document, Request.Abc, observationFiles, OutPath));
    }
}
