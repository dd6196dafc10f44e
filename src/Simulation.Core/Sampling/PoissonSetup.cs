namespace Simulation.Core.Sampling;

/// <summary>
/// The constants of one Poisson mean, kept between draws: in the model the intended dispatch often stays at the
/// same limit for months, so the logarithms and square root of PTRS's setup need computing only when it changes.
/// </summary>
public struct PoissonSetup
{
    internal double Mean;
    internal double ExpMinusMean;
    internal double LogMean;
    internal double A;
    internal double B;
    internal double LogInverseAlpha;
    internal double AcceptLimit;

    internal void Prepare(double mean)
    {
        Mean = mean;
        if (mean < Poisson.InversionLimit)
        {
            ExpMinusMean = Math.Exp(-mean);
            return;
        }
        double sqrtMean = Math.Sqrt(mean);
        LogMean = Math.Log(mean);
        B = 0.931 + 2.53 * sqrtMean;
        A = -0.059 + 0.02483 * B;
        LogInverseAlpha = Math.Log(1.1239 + 1.1328 / (B - 3.4));
        AcceptLimit = 0.9277 - 3.6224 / (B - 2);
    }
}
