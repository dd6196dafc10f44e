namespace Simulation.Core.Sampling;

/// <summary>
/// The constants of one success probability, kept between draws: in the model each run's return and expulsion
/// probabilities are fixed, so log(p / q) and log(q) are computed once per run instead of once per month.
/// </summary>
public struct BinomialSetup
{
    internal double Probability;
    internal bool Flipped;
    internal double P;
    internal double Q;
    internal double LogQ;
    internal double LogOdds;

    internal void Prepare(double probability)
    {
        Probability = probability;
        Flipped = probability > 0.5;
        P = Flipped ? 1 - probability : probability;
        Q = 1 - P;
        // Computed on first use: inversion needs only the first, BTRS only the second.
        LogQ = double.NaN;
        LogOdds = double.NaN;
    }
}
