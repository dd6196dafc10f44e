namespace Simulation.Core.Calibration;

/// <summary>
/// One generation of a calibration: its tolerance (infinite for ABC-SMC's generation 0), the candidates considered
/// until the last particle was accepted, the particles accepted, and the effective sample size of their weights.
/// </summary>
public sealed record AbcGeneration(int Index, double Tolerance, long Candidates, int Accepted, double EffectiveSampleSize)
{
    /// <summary>
    /// True for the last generation of a calibration with an error model: candidates accepted with the observations'
    /// likelihood, exp(-sum r^2 / 2), instead of a tolerance (whose field then holds the last tolerance used).
    /// </summary>
    public bool ByLikelihood { get; init; }

    /// <summary>Accepted share of the candidates.</summary>
    public double AcceptanceRate => Candidates > 0 ? (double)Accepted / Candidates : 0;
}
