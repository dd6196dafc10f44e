using Simulation.Core.Model;

namespace Simulation.Core.Analysis;

/// <summary>
/// How one uncertain input moves one metric in a Monte Carlo run: Spearman's rank correlation, and the metric's
/// mean over the runs whose input fell in its lowest and highest deciles (the tornado chart's bar).
/// </summary>
public sealed record InputSensitivity(string Input, Metric Metric, double Spearman, double LowDecileMean, double HighDecileMean, long Runs)
{
    /// <summary>High-decile mean minus low-decile mean, in the metric's unit.</summary>
    public double Swing => HighDecileMean - LowDecileMean;
}
