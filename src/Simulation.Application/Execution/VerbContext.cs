using Simulation.Core.Requests;

namespace Simulation.Application.Execution;

/// <summary>How a verb runs: the machine's budget, the threads asked for, progress, notes for standard error, cancellation.</summary>
/// <param name="Budget">Memory and cores the verb may take.</param>
/// <param name="RequestedThreads">--threads, or null for every core.</param>
/// <param name="Progress">Where progress goes.</param>
/// <param name="Note">Prints a line on standard error (notes and warnings while running).</param>
/// <param name="Cancellation">Set by Ctrl-C or SIGTERM.</param>
public sealed record VerbContext(ResourceBudget Budget, int? RequestedThreads, IProgressSink Progress, Action<string> Note, CancellationToken Cancellation);
