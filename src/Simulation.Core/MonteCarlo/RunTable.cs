using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Every run's sampled uncertain inputs and metrics, row-major: row r holds the inputs named in
/// <see cref="InputNames"/> and then the metrics in <see cref="Metric"/> order (NaN where censored).
/// </summary>
public sealed class RunTable
{
    internal RunTable(string[] inputNames, long runs)
    {
        InputNames = inputNames;
        Runs = runs;
        Values = new double[checked(runs * Columns)];
    }

    /// <summary>A table of <paramref name="runs"/> rows read back from a file, all values NaN until set through <see cref="Values"/>.</summary>
    public static RunTable Empty(IReadOnlyList<string> inputNames, long runs) => new([.. inputNames], runs);

    /// <summary>Key paths of the sampled inputs, in column order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Rows.</summary>
    public long Runs { get; }

    /// <summary>Columns: inputs, then metrics.</summary>
    public int Columns => InputNames.Count + OutputCatalogue.MetricCount;

    /// <summary>The row-major values.</summary>
    public double[] Values { get; }

    /// <summary>Row <paramref name="run"/>.</summary>
    public ReadOnlySpan<double> Row(long run) => Values.AsSpan(checked((int)(run * Columns)), Columns);
}
