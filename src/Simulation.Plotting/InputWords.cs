using Simulation.Core.Discovery;
using Simulation.Core.Model;

namespace Simulation.Plotting;

/// <summary>
/// Inputs and their ranges in words, for readers who do not think in key paths: "the ceasefire comes after 2027-06",
/// "dispatch is above 1,800 workers / month", "no ceasefire at all". Key paths stay in CSV and JSON.
/// </summary>
public static class InputWords
{
    /// <summary>The run's own draw of "no ceasefire at all", as runs.csv and futures.csv record it (0 or 1).</summary>
    private const string NoCeasefireDraw = "ceasefire.never";

    /// <summary>The input at <paramref name="keyPath"/> in words (the key path itself when the scenario does not know it).</summary>
    public static string Label(Scenario? scenario, string keyPath) => keyPath == NoCeasefireDraw
        ? "no ceasefire at all"
        : scenario?.Find(keyPath)?.Label is { Length: > 0 } label ? label : keyPath;

    /// <summary>
    /// The input's label without its article, to follow a word of one's own: "the wage" gives "wage", so that "the
    /// weakest wage" reads.
    /// </summary>
    public static string Bare(Scenario? scenario, string keyPath)
    {
        string label = Label(scenario, keyPath);
        return label.StartsWith("the ", StringComparison.Ordinal) ? label[4..] : label;
    }

    /// <summary>
    /// A value of the input at <paramref name="keyPath"/> in words: a calendar month for a month after the start
    /// ("2027-06"), else the number with its unit ("1,800 workers / month").
    /// </summary>
    public static string Value(Scenario? scenario, string keyPath, double value)
    {
        if (IsCalendarMonth(scenario, keyPath))
        {
            return scenario!.Start.AddMonths((int)Math.Floor(Math.Max(0, value))).ToString();
        }
        return NumberText.Plain(value) + (scenario?.Find(keyPath) is { Definition.Unit: { Length: > 0 } unit } && keyPath != NoCeasefireDraw ? $" {unit}" : "");
    }

    /// <summary>
    /// The range an input took in the runs, in words: "2024-03 to 2027-11", "501 to 3,000 workers / month" (without the
    /// unit when <paramref name="unit"/> is false, where it was just said).
    /// </summary>
    public static string Range(Scenario? scenario, string keyPath, double low, double high, bool unit = true)
    {
        if (IsCalendarMonth(scenario, keyPath))
        {
            return $"{Value(scenario, keyPath, low)} to {Value(scenario, keyPath, high)}";
        }
        string unitText = unit && scenario?.Find(keyPath) is { Definition.Unit: { Length: > 0 } u } && keyPath != NoCeasefireDraw ? $" {u}" : "";
        return $"{NumberText.Plain(low)} to {NumberText.Plain(high)}{unitText}";
    }

    private static bool IsCalendarMonth(Scenario? scenario, string keyPath) => scenario?.Find(keyPath)?.IsMonthAfterStart == true;

    /// <summary>
    /// A box's limit on input <paramref name="d"/> of <paramref name="data"/> in words: which side of its range in the
    /// runs it restricts, and to what, with months after the start as calendar months.
    /// </summary>
    public static string Limit(Scenario? scenario, PrimData data, int d, double lower, double upper, double rangeLow, double rangeHigh)
    {
        string key = data.Names[d];
        if (data.IsBinary(d))
        {
            bool one = lower > 0;
            return key == NoCeasefireDraw ? (one ? "no ceasefire comes at all" : "a ceasefire comes sometime (perhaps after the horizon)") : $"{Label(scenario, key)} = {(one ? 1 : 0)}";
        }
        string label = Label(scenario, key);
        bool months = IsCalendarMonth(scenario, key);
        string Value(double v) => InputWords.Value(scenario, key, v);
        bool above = lower > rangeLow;
        bool below = upper < rangeHigh;
        if (months)
        {
            string verb = label == "the ceasefire" ? "comes" : "is";
            return (above, below) switch
            {
                (true, true) => $"{label} {verb} between {Value(lower)} and {Value(upper)}",
                (true, false) => $"{label} {verb} after {Value(lower)}",
                (false, true) => $"{label} {verb} before {Value(upper)}",
                _ => $"{label} at any time",
            };
        }
        return (above, below) switch
        {
            (true, true) => $"{label} is between {NumberText.Plain(lower)} and {Value(upper)}",
            (true, false) => $"{label} is above {Value(lower)}",
            (false, true) => $"{label} is below {Value(upper)}",
            _ => $"{label} is anywhere in its range",
        };
    }

    /// <summary>
    /// The restricted inputs of <paramref name="result"/>'s box in words, most significant first, joined by "and": at
    /// most <paramref name="most"/> of them, with how many weaker ones are left out.
    /// </summary>
    public static string Box(Scenario? scenario, DiscoveryResult result, int most = int.MaxValue)
    {
        var initial = result.Trajectory.Initial;
        var limits = result.QuasiPValues.OrderBy(p => p.PValue)
            .Select(l => Limit(scenario, result.Data, l.Dimension, l.Lower, l.Upper, initial.Lower[l.Dimension], initial.Upper[l.Dimension]))
            .ToList();
        if (limits.Count == 0)
        {
            return "no input is restricted";
        }
        string named = string.Join(" and ", limits.Take(most));
        int rest = limits.Count - Math.Min(most, limits.Count);
        return rest == 0 ? named : $"{named} (and {rest} weaker limit{(rest == 1 ? "" : "s")})";
    }
}
