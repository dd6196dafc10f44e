using Simulation.Core.Calendar;
using Simulation.Core.Calibration;
using Simulation.Core.Model;
using Simulation.IO.Yaml;

namespace Simulation.IO.Calibration;

/// <summary>
/// The model values already observed, across every observation file of one calibration: one model value observed
/// twice (the same row in two files, or a stock at 2018Q3 and at 2018-09, both read in September) would weigh double.
/// </summary>
public sealed class ObservedValues(Scenario scenario)
{
    private readonly Dictionary<(string Series, YearMonth First, YearMonth Last), (SourcePosition At, string Period)> _seen = [];
    private readonly HashSet<string> _levels = [.. scenario.SeriesDefinitions().Where(ObservationSet.IsLevelSeries).Select(s => s.Name)];

    /// <summary>Claims the model value of <paramref name="series"/> over <paramref name="first"/>..<paramref name="last"/>; false (with the message) if an earlier row has it.</summary>
    public bool TryClaim(string series, YearMonth first, YearMonth last, string period, SourcePosition at, out string message)
    {
        // A level (stock, cumulative sum) is read in the period's last month, so only that month names its value.
        var key = (series, _levels.Contains(series) ? last : first, last);
        if (_seen.TryGetValue(key, out var earlier))
        {
            string where = earlier.At.Source == at.Source ? $"line {earlier.At.Line}" : $"{earlier.At.Source}:{earlier.At.Line}";
            string why = earlier.Period == period ? "" : $" ({series} is a level, read in the period's last month, {last})";
            message = $"{series} {period} is the model value already observed as {series} {earlier.Period} at {where}{why}; one value observed twice would weigh double: keep one row";
            return false;
        }
        _seen[key] = (at, period);
        message = "";
        return true;
    }
}
