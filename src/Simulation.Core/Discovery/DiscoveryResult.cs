namespace Simulation.Core.Discovery;

/// <summary>
/// What scenario discovery found: the question (the condition the hits meet, in words), the points searched, PRIM's trajectory, the step shown
/// (<paramref name="Chosen"/>: the balanced one, or the one asked for), its quasi-p-values and the reproducibility of its
/// restrictions over resamples.
/// </summary>
public sealed record DiscoveryResult(
    string Condition,
    PrimData Data,
    PrimOptions Options,
    PrimTrajectory Trajectory,
    int Chosen,
    IReadOnlyList<QuasiPValue> QuasiPValues,
    IReadOnlyList<PrimReproducibility> Reproducibility)
{
    /// <summary>The box shown.</summary>
    public PrimStep Box => Trajectory.Steps[Chosen];
}
