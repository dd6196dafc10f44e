namespace Simulation.Core.Calibration;

/// <summary>
/// One wave of history matching: its candidates, how many were not ruled out, and the share of the prior's
/// probability the region not ruled out (NROY) holds by this wave's estimate.
/// </summary>
/// <param name="Wave">0 for the first.</param>
/// <param name="Candidates">Candidates sampled in the wave's region.</param>
/// <param name="Kept">Candidates whose largest implausibility is at most the cutoff.</param>
/// <param name="RegionShare">The prior probability of the box the wave sampled.</param>
/// <param name="Elapsed">Time since the matching began.</param>
public sealed record HistoryMatchWave(int Wave, long Candidates, long Kept, double RegionShare, TimeSpan Elapsed)
{
    /// <summary>The share of the prior's probability not ruled out: the box's share times the share of its candidates kept.</summary>
    public double NroyShare => Candidates > 0 ? RegionShare * Kept / Candidates : 0;
}
