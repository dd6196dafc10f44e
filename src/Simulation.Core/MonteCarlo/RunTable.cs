using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Every run's sampled uncertain inputs and metrics, row-major: row r holds the inputs named in
/// <see cref="InputNames"/>, then the metrics in <see cref="Metric"/> order (NaN where censored), then the
/// scenario's own metrics named in <see cref="ExtraMetricNames"/> (with destinations, peak_workers@DESTINATION).
/// </summary>
public sealed class RunTable
{
    internal RunTable(string[] inputNames, long runs, string[]? extraMetricNames = null)
    {
        InputNames = inputNames;
        ExtraMetricNames = extraMetricNames ?? [];
        Runs = runs;
        Values = new double[checked(runs * Columns)];
    }

    /// <summary>A table of <paramref name="runs"/> rows read back from a file, all values NaN until set through <see cref="Values"/>.</summary>
    public static RunTable Empty(IReadOnlyList<string> inputNames, long runs, IReadOnlyList<string>? extraMetricNames = null) =>
        new([.. inputNames], runs, extraMetricNames is null ? null : [.. extraMetricNames]);

    /// <summary>Metrics after the catalogue's, in column order: with destinations, the peak of each one's workers.</summary>
    public IReadOnlyList<string> ExtraMetricNames { get; }

    /// <summary>Key paths of the sampled inputs, in column order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Rows.</summary>
    public long Runs { get; }

    /// <summary>Columns: inputs, then metrics, then the extra metrics.</summary>
    public int Columns => InputNames.Count + OutputCatalogue.MetricCount + ExtraMetricNames.Count;

    /// <summary>The row-major values.</summary>
    public double[] Values { get; }

    /// <summary>Row <paramref name="run"/>.</summary>
    public ReadOnlySpan<double> Row(long run) => Values.AsSpan(checked((int)(run * Columns)), Columns);
}
