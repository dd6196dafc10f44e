using Simulation.Application.Publishing;

namespace Simulation.Application.Execution;

/// <summary>What a verb did: what it publishes (null: nothing), and, for an interrupted verb, what to say instead of the headline.</summary>
/// <param name="Publication">The output folder's content, or null.</param>
/// <param name="Interrupted">Null when the verb finished; otherwise the message for standard error (the exit code is 130).</param>
public sealed record VerbOutcome(Publication? Publication, string? Interrupted = null)
{
    /// <summary>A verb that finished and publishes <paramref name="publication"/>.</summary>
    public static VerbOutcome Done(Publication publication) => new(publication);
}
