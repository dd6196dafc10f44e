namespace Simulation.Core.Decisions;

/// <summary>
/// Two neighbouring grid points where P(condition) rises although the lever got stronger, by more than the search's
/// allowance of standard errors of the paired difference (common random numbers make the difference precise).
/// </summary>
public sealed record MonotonicityBreak(double Weaker, double Stronger, double PWeaker, double PStronger, double Se);
