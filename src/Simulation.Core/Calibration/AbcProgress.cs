namespace Simulation.Core.Calibration;

/// <summary>Where a calibration is: generation, its tolerance, accepted particles and candidates so far.</summary>
public readonly record struct AbcProgress(int Generation, double Tolerance, int Accepted, int Particles, long Candidates, long TotalCandidates, TimeSpan Elapsed)
{
    /// <summary>Accepted share of this generation's candidates so far.</summary>
    public double AcceptanceRate => Candidates > 0 ? (double)Accepted / Candidates : double.NaN;

    /// <summary>
    /// How long this generation's weight step will take once its particles are accepted (the previous generation's,
    /// or an estimate before the first); null in generation 0 and rejection ABC, which have none.
    /// </summary>
    public TimeSpan? WeightStep { get; init; }
}
