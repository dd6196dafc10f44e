namespace Simulation.Core.Analysis;

/// <summary>
/// First-order and total Sobol indices of each factor with standard errors and 95% intervals: from a percentile
/// bootstrap over the rows of a random design (<see cref="BootstrapSamples"/>), or from the spread of the estimates of
/// <see cref="Replicates"/> independently scrambled quasi-random designs (randomized quasi-Monte Carlo).
/// </summary>
public sealed record SobolIndices(
    IReadOnlyList<string> Factors,
    double[] FirstOrder,
    double[] Total,
    double[] FirstOrderSe,
    double[] TotalSe,
    (double Low, double High)[] FirstOrderInterval,
    (double Low, double High)[] TotalInterval,
    double Variance,
    int BaseSamples,
    int BootstrapSamples)
{
    /// <summary>Independent scramblings behind the intervals; 0 when they come from a bootstrap.</summary>
    public int Replicates { get; init; }

    /// <summary>How the intervals were made, in words.</summary>
    public string IntervalMethod => Replicates > 0
        ? $"the spread of {Replicates} independently scrambled quasi-random designs (randomized quasi-Monte Carlo)"
        : $"{BootstrapSamples} bootstrap resamples of the rows";
}
