namespace Simulation.Core.Sampling;

/// <summary>
/// The constants of one Poisson mean, kept between draws: in the model the intended dispatch often stays at the
/// same limit for months. Algorithm PD needs only a square root and a floor for its common path; the constants of
/// its rare quotient and hat tests are computed the first time a draw reaches them.
/// </summary>
public struct PoissonSetup
{
    internal double Mean;
    internal double ExpMinusMean;
    internal double SqrtMean;
    internal double ImmediateLimit;
    internal double SqueezeScale;
    internal bool HasRareConstants;
    internal double LogMean;
    internal double Omega;
    internal double C0;
    internal double C1;
    internal double C2;
    internal double C3;
    internal double HatScale;

    internal void Prepare(double mean)
    {
        Mean = mean;
        if (mean < Poisson.InversionLimit)
        {
            ExpMinusMean = Math.Exp(-mean);
            return;
        }
        SqrtMean = Math.Sqrt(mean);
        // Ahrens and Dieter's L: every K = floor(mean + s T) at or above it is accepted as drawn.
        ImmediateLimit = Math.Floor(mean - 1.1484);
        SqueezeScale = 6 * mean * mean;
        HasRareConstants = false;
    }

    /// <summary>Step P of algorithm PD: the normal density's correction polynomial and the hat's constant.</summary>
    internal void PrepareRare()
    {
        double b1 = 1 / (24 * Mean);
        double b2 = 0.3 * b1 * b1;
        C3 = b1 * b2 / 7;
        C2 = b2 - 15 * C3;
        C1 = b1 - 6 * b2 + 45 * C3;
        C0 = 1 - b1 + 3 * b2 - 15 * C3;
        Omega = 1 / (Math.Sqrt(2 * Math.PI) * SqrtMean);
        HatScale = 0.1069 / Mean;
        LogMean = Math.Log(Mean);
        HasRareConstants = true;
    }
}
