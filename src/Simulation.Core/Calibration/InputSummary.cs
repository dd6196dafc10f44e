using Simulation.Core.Distributions;

namespace Simulation.Core.Calibration;

/// <summary>One calibrated input: its prior and what the data made of it.</summary>
public sealed record InputSummary(string KeyPath, InputDistribution PriorDistribution, DistributionSummary Prior, DistributionSummary Posterior)
{
    /// <summary>Posterior 90% width over the prior's: near 1 the data say little about the input, near 0 they pin it down.</summary>
    public double WidthRatio => Prior.Width90 > 0 ? Posterior.Width90 / Prior.Width90 : double.NaN;
}
