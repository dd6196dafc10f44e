namespace Simulation.Core.Analysis;

/// <summary>One lever of a sweep: a parameter's key path (as <see cref="Model.Scenario.Parameters"/> names it) and the values it takes.</summary>
public sealed record SweepLever(string KeyPath, IReadOnlyList<double> Values);
