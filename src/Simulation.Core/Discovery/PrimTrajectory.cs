namespace Simulation.Core.Discovery;

/// <summary>PRIM's boxes in the order found (start, peels, pastes), the box holding every point, and the step chosen by default.</summary>
public sealed record PrimTrajectory(PrimBox Initial, IReadOnlyList<PrimStep> Steps, int Balanced);
