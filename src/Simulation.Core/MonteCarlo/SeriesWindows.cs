namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Windows of a run's series whose value a run is reduced to, one per window: a level (a stock or a cumulative sum)
/// read at the window's last month, a flow summed over its months. An observation of the record is one such window.
/// </summary>
public sealed class SeriesWindows
{
    internal SeriesWindows(int[] series, int[] firstMonth, int[] lastMonth, bool[] isLevel)
    {
        Series = series;
        FirstMonth = firstMonth;
        LastMonth = lastMonth;
        IsLevel = isLevel;
    }

    /// <summary>Number of windows.</summary>
    public int Count => Series.Length;

    internal int[] Series { get; }

    internal int[] FirstMonth { get; }

    internal int[] LastMonth { get; }

    internal bool[] IsLevel { get; }

    /// <summary>A sink that reduces one run to its value in every window, into <paramref name="values"/> (length <see cref="Count"/>).</summary>
    public SeriesWindowSink Sink(double[] values) => new(this, values);
}
