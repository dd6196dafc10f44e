using Simulation.Core.Catalogue;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Whole runs kept month by month (runs 0 .. <see cref="Runs"/> - 1, chosen by index so that the same runs come back
/// for any thread count): what single futures look like, beside the bands that summarise them.
/// </summary>
public sealed class SamplePaths
{
    internal SamplePaths(int runs, int months, IReadOnlyList<OutputDefinition> series)
    {
        Runs = runs;
        Months = months;
        Series = series;
        Values = new double[runs * months * series.Count];
    }

    /// <summary>Runs kept.</summary>
    public int Runs { get; }

    /// <summary>Months per run.</summary>
    public int Months { get; }

    /// <summary>The series of each month, in the order of <see cref="Value"/>'s index.</summary>
    public IReadOnlyList<OutputDefinition> Series { get; }

    /// <summary>Run-major, then month, then series.</summary>
    internal double[] Values { get; }

    /// <summary>The value of series <paramref name="series"/> in month <paramref name="month"/> of kept run <paramref name="run"/>.</summary>
    public double Value(int run, int month, int series) => Values[(run * Months + month) * Series.Count + series];

    /// <summary>The first <paramref name="runs"/> runs only (an interrupted run did not reach the others).</summary>
    internal SamplePaths Prefix(long runs)
    {
        if (runs >= Runs)
        {
            return this;
        }
        var prefix = new SamplePaths((int)runs, Months, Series);
        Array.Copy(Values, prefix.Values, prefix.Values.Length);
        return prefix;
    }

    /// <summary>Where run <paramref name="run"/>'s months start in <see cref="Values"/>.</summary>
    internal int Offset(long run) => checked((int)run * Months * Series.Count);
}
