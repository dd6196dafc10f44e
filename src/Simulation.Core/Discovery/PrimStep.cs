namespace Simulation.Core.Discovery;

/// <summary>
/// One box on PRIM's trajectory: coverage = the box's hits / all hits, density = the box's hits / its points, mass =
/// its points / all points; <paramref name="Phase"/> is "start", "peel" or "paste".
/// </summary>
public sealed record PrimStep(int Index, string Phase, PrimBox Box, int Points, int Hits, double Coverage, double Density, double Mass, int RestrictedDimensions);
