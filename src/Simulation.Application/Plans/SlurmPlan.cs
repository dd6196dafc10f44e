using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core.Model;
using Simulation.Core.Requests;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim slurm</c>: the job array and the merge job that run a scenario in shards on a cluster; nothing runs here.</summary>
public sealed class SlurmPlan(Scenario scenario, ScenarioDocument document, SlurmJob job) : VerbPlan
{
    /// <inheritdoc />
    public override string Verb => SlurmPublication.Verb;

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) =>
        job.Shards < 1 || job.Shards > 100_000 ? [RequestProblem.Option("shards", job.Shards, "must be a whole number from 1 to 100,000")] : [];

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context) =>
        VerbOutcome.Done(SlurmPublication.Of(scenario, document, job, Path.GetFullPath(OutPath)));
}
