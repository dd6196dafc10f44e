using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Core.Analysis;

/// <summary>
/// How one uncertain input moves one metric in a Monte Carlo run: Spearman's rank correlation, and the metric's
/// mean over the runs whose input fell in its lowest and highest deciles (the tornado chart's bar), with 95%
/// bootstrap intervals of both means and of the swing (NaN when not bootstrapped).
/// </summary>
public sealed record InputSensitivity(string Input, Metric Metric, double Spearman, double LowDecileMean, double HighDecileMean, long Runs)
{
    /// <summary>High-decile mean minus low-decile mean, in the metric's unit.</summary>
    public double Swing => HighDecileMean - LowDecileMean;

    /// <summary>95% bootstrap interval of <see cref="LowDecileMean"/>.</summary>
    public (double Low, double High) LowDecileInterval { get; init; } = (double.NaN, double.NaN);

    /// <summary>95% bootstrap interval of <see cref="HighDecileMean"/>.</summary>
    public (double Low, double High) HighDecileInterval { get; init; } = (double.NaN, double.NaN);

    /// <summary>95% bootstrap interval of <see cref="Swing"/>.</summary>
    public (double Low, double High) SwingInterval { get; init; } = (double.NaN, double.NaN);

    /// <summary>True when the swing's interval holds 0: the input's effect is not distinguishable from noise.</summary>
    public bool SwingIncludesZero => SwingInterval.Low <= 0 && SwingInterval.High >= 0;
}
