using Simulation.Core.Requests;

namespace Simulation.Application.Execution;

/// <summary>
/// A verb as asked for, its inputs loaded and its output folder chosen: the command line checks it
/// (<see cref="Validate"/>), refuses a bad output folder before any work, runs it (<see cref="Execute"/>) and publishes
/// what it returns. Disposing releases what it holds (a checkpoint's lock).
/// </summary>
public abstract class VerbPlan : IDisposable
{
    /// <summary>The verb named in the output folder's marker: --force replaces only a folder of the same verb.</summary>
    public abstract string Verb { get; }

    /// <summary>Where the output folder goes.</summary>
    public required string OutPath { get; init; }

    /// <summary>Replace an existing output folder of the same verb.</summary>
    public bool Force { get; set; }

    /// <summary>Write the PNG charts (the report draws its own in any case).</summary>
    public bool Plots { get; init; } = true;

    /// <summary>The file the plan's problems about the scenario as a whole are said of.</summary>
    public string Source { get; init; } = "";

    /// <summary>Every reason the plan cannot run on a machine with <paramref name="budget"/>; empty when it can.</summary>
    public abstract IReadOnlyList<RequestProblem> Validate(ResourceBudget budget);

    /// <summary>Runs the verb and returns what it publishes.</summary>
    /// <exception cref="OperationCanceledException">Interrupted before anything could be kept.</exception>
    /// <exception cref="RequestRefusedException">The runs show the request cannot be answered (nothing is published).</exception>
    public abstract VerbOutcome Execute(VerbContext context);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the plan holds.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
