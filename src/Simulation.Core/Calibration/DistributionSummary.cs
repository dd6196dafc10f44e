namespace Simulation.Core.Calibration;

/// <summary>Mean, standard deviation and 5th, 50th and 95th percentiles of one input's prior or posterior.</summary>
public sealed record DistributionSummary(double Mean, double StandardDeviation, double P5, double P50, double P95)
{
    /// <summary>Width of the central 90% interval.</summary>
    public double Width90 => P95 - P5;
}
