namespace Simulation.Core.Calibration;

/// <summary>One generation of ABC-SMC model choice: its tolerance and search, each model's probability after it, and the effective sample size of all its weights.</summary>
public sealed record ModelChoiceGeneration(int Index, double Tolerance, long Candidates, int Accepted, IReadOnlyList<double> Probabilities, double EffectiveSampleSize)
{
    /// <summary>True for the generation accepted with the observations' likelihood (see <see cref="AbcGeneration.ByLikelihood"/>).</summary>
    public bool ByLikelihood { get; init; }

    /// <summary>Accepted share of the candidates.</summary>
    public double AcceptanceRate => Candidates > 0 ? (double)Accepted / Candidates : 0;
}
