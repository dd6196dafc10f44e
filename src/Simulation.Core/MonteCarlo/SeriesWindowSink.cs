using Simulation.Core.Model;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Collects a run's value in each window as the model runs (an observation's model value): a level in the window's
/// last month, a flow summed over its months. Nothing else of the run is kept.
/// </summary>
public struct SeriesWindowSink : IRunSink
{
    private readonly SeriesWindows _windows;
    private readonly double[] _values;

    internal SeriesWindowSink(SeriesWindows windows, double[] values)
    {
        _windows = windows;
        _values = values;
        Array.Clear(values, 0, windows.Count);
    }

    /// <inheritdoc/>
    public readonly void Month(int month, ReadOnlySpan<double> values)
    {
        var first = _windows.FirstMonth;
        var last = _windows.LastMonth;
        for (int i = 0; i < first.Length; i++)
        {
            if (month < first[i] || month > last[i])
            {
                continue;
            }
            double value = values[_windows.Series[i]];
            if (!_windows.IsLevel[i])
            {
                _values[i] += value;
            }
            else if (month == last[i])
            {
                _values[i] = value;
            }
        }
    }

    /// <inheritdoc/>
    public readonly void End(in RunOutcome outcome)
    {
    }
}
