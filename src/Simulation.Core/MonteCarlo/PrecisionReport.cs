namespace Simulation.Core.MonteCarlo;

/// <summary>What a precision target asked for and what the run achieved.</summary>
public sealed record PrecisionReport(PrecisionTarget Target, double AchievedHalfWidth, bool Met);
