using Simulation.Core.Model;

namespace Simulation.Core.Calibration;

/// <summary>
/// Collects a run's value of each observation as the model runs: a level in the period's last month, a flow summed
/// over the period's months. Nothing else of the run is kept.
/// </summary>
public struct ObservationSink : IRunSink
{
    private readonly ObservationSet _set;
    private readonly double[] _values;

    internal ObservationSink(ObservationSet set, double[] values)
    {
        _set = set;
        _values = values;
        Array.Clear(values, 0, set.Count);
    }

    /// <inheritdoc/>
    public readonly void Month(int month, ReadOnlySpan<double> values)
    {
        var first = _set.FirstMonth;
        var last = _set.LastMonth;
        for (int i = 0; i < first.Length; i++)
        {
            if (month < first[i] || month > last[i])
            {
                continue;
            }
            double value = values[_set.SeriesIndex[i]];
            if (!_set.IsLevel[i])
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
