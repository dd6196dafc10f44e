namespace Simulation.Core.Decisions;

/// <summary>A value-of-information estimate with its standard error (Monte Carlo and regression together, by bootstrap).</summary>
public readonly record struct VoiEstimate(double Value, double Se);
