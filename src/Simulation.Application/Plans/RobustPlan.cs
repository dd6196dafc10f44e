using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core.Requests;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim robust</c>: every policy of a scenario on the same futures, or one shard of those futures.</summary>
public sealed class RobustPlan(RobustRequest request, ScenarioDocument document) : VerbPlan
{
    /// <summary>The analysis asked for.</summary>
    public RobustRequest Request { get; } = request;

    /// <inheritdoc />
    public override string Verb => Request.Shard is null ? RobustPublication.Verb : RobustShardPublication.Verb;

    /// <summary>out/NAME-robust (with the satisficing condition or regret bound when given), a shard's out/NAME-robust-shards/shard-IIII.</summary>
    public static string DefaultOutput(RobustRequest request, IReadOnlyList<string> assignments)
    {
        string name = request.Scenario.Name;
        if (request.Shard is { } shard)
        {
            return Path.Combine("out", $"{name}-robust-shards", $"shard-{shard.Index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)}");
        }
        string question = request.Satisfice is { } condition ? $"robust-{condition}" : request.Regret is { } regret ? $"robust-regret-{regret.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}" : "robust";
        return Inputs.OutputFolders.Default(name, question, assignments);
    }

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) => Request.Validate(budget);

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        var (first, end) = Request.RunRange();
        var progress = context.Progress.Runs(end - first);
        int threads = context.Budget.Threads(context.RequestedThreads, [Request.Scenario], new NoteCollection(context.Note));
        if (Request.Shard is { } shard)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var futures = Request.Futures(threads, progress, context.Cancellation);
            context.Progress.Finish();
            return VerbOutcome.Done(RobustShardPublication.Of(Request, document, futures, shard.Index, shard.Count, clock.Elapsed));
        }
        var result = Request.Execute(threads, progress, context.Cancellation);
        context.Progress.Finish();
        return VerbOutcome.Done(RobustPublication.Of(result, document));
    }
}
