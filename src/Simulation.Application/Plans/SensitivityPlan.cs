using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core.Requests;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim sensitivity</c>: a tornado from one Monte Carlo run, or Sobol indices.</summary>
public sealed class SensitivityPlan(SensitivityRequest request) : VerbPlan
{
    /// <summary>The analysis asked for.</summary>
    public SensitivityRequest Request { get; } = request;

    /// <inheritdoc />
    public override string Verb => SensitivityPublication.Verb;

    /// <summary>out/NAME-sensitivity or out/NAME-sobol, with a hash of any --set values.</summary>
    public static string DefaultOutput(SensitivityRequest request, IReadOnlyList<string> assignments) =>
        Inputs.OutputFolders.Default(request.Scenario.Name, request.Method == SensitivityMethod.Sobol ? "sobol" : "sensitivity", assignments);

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) => Request.Validate(budget);

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        var scenario = Request.Scenario;
        int threads = context.Budget.Threads(context.RequestedThreads, [scenario], new NoteCollection(context.Note));
        if (Request.Method == SensitivityMethod.Tornado)
        {
            var progress = context.Progress.Runs(scenario.Runs);
            var (result, sensitivities) = Request.ExecuteTornado(threads, progress, context.Cancellation);
            context.Progress.Finish();
            return VerbOutcome.Done(SensitivityPublication.Tornado(result, Request.Metrics, sensitivities));
        }
        if (scenario.Posterior is not null)
        {
            context.Note($"warning: {scenario.Name} draws {scenario.Posterior.KeyPaths.Count} inputs jointly from a posterior, so they are correlated; "
                + "Sobol indices assume independent inputs: read them as indicative, or use the tornado (--method tornado).");
        }
        if (Request.QuasiRandom && !Request.UsesQuasiRandom)
        {
            context.Note($"note: {Request.Factors - 1} inputs need {2 * (Request.Factors - 1)} Sobol' dimensions, more than the {Simulation.Core.Sampling.SobolSequence.MaxDimensions} available; using independent draws.");
        }
        var sobolProgress = context.Progress.Runs(Request.ModelRuns);
        var results = Request.ExecuteSobol(threads, sobolProgress, context.Cancellation);
        context.Progress.Finish();
        return VerbOutcome.Done(SensitivityPublication.Sobol(scenario, results, Request.UsesQuasiRandom, Request.ModelRuns));
    }
}
