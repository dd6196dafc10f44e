namespace Simulation.Core.Analysis;

/// <summary>
/// First-order and total Sobol indices of each factor with bootstrap standard errors and 95% percentile intervals.
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
    int BootstrapSamples);
