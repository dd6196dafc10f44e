namespace Simulation.Core.MonteCarlo;

/// <summary>How far a run has got.</summary>
/// <param name="Done">Runs completed.</param>
/// <param name="Total">Runs planned (with a precision target: the most that may be run).</param>
/// <param name="HalfWidth">With a precision target: the 95% interval's current half-width (relative for a metric, absolute for a probability), else null.</param>
public readonly record struct RunProgress(long Done, long Total, double? HalfWidth);
