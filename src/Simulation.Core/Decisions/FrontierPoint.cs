namespace Simulation.Core.Decisions;

/// <summary>One point of a two-lever frontier: with the first lever at <paramref name="First"/>, the search on the second.</summary>
public sealed record FrontierPoint(double First, TargetResult Search);
