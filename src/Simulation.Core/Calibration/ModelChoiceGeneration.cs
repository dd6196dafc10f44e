namespace Simulation.Core.Calibration;

/// <summary>One generation of ABC-SMC model choice: its tolerance and search, and each model's probability after it.</summary>
public sealed record ModelChoiceGeneration(int Index, double Tolerance, long Candidates, int Accepted, IReadOnlyList<double> Probabilities)
{
    /// <summary>True for the generation accepted with the observations' likelihood (see <see cref="AbcGeneration.ByLikelihood"/>).</summary>
    public bool ByLikelihood { get; init; }

    /// <summary>Accepted share of the candidates.</summary>
    public double AcceptanceRate => Candidates > 0 ? (double)Accepted / Candidates : 0;
}
