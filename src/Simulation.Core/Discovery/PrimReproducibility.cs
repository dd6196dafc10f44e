namespace Simulation.Core.Discovery;

/// <summary>
/// Share of resamples (random halves of the points, PRIM run afresh) in which input <paramref name="Name"/> is
/// restricted in the box of nearest coverage, and in the box of nearest density, to the chosen box.
/// </summary>
public sealed record PrimReproducibility(string Name, double ByCoverage, double ByDensity);
