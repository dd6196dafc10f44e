using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Reads <c>timeline:</c> (docs/scenario-format.md, version 2): parameters that change from a calendar month on. A
/// change dated outside the horizon is a warning, not an error.
/// </summary>
internal static class TimelineReader
{
    private const string Example = "{from: 2020-02, set: {supply.dispatch_per_month: 0}}";

    private static readonly string[] Keys = ["from", "set"];

    /// <summary>The entries, in file order; null after recording problems.</summary>
    public static IReadOnlyList<TimelineEntry>? Read(YamlNode node, Scenario scenario, ProblemList problems, ProblemList warnings)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlSequence sequence)
        {
            problems.Add(node, "timeline", $"must be a list of changes such as [{Example}], got {node.Describe()}");
            return null;
        }
        if (sequence.Items.Count > ParameterCatalogue.MaxTimelineEntries)
        {
            problems.Add(node, "timeline", $"has {sequence.Items.Count:N0} entries; at most {ParameterCatalogue.MaxTimelineEntries:N0} are allowed");
            return null;
        }
        int before = problems.Count;
        var entries = new List<TimelineEntry>();
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            string itemPath = $"timeline[{i}]";
            var fields = ItemFields.Read(sequence.Items[i], itemPath, Keys, Example, problems);
            if (fields is null)
            {
                continue;
            }
            var fromNode = fields.Required("from", itemPath, Example, problems);
            var setNode = fields.Required("set", itemPath, Example, problems);
            if (fromNode is null || setNode is null || !ScalarReader.TryMonth(fromNode, itemPath + ".from", problems, out YearMonth from))
            {
                continue;
            }
            WarnOutsideHorizon(fromNode, itemPath + ".from", from, scenario.Start, scenario.Months, warnings);
            if (setNode is not YamlMapping set || set.Entries.Count == 0)
            {
                problems.Add(setNode, itemPath + ".set", $"must be a mapping of key paths to values such as {{supply.dispatch_per_month: 0}}, got {setNode.Describe()}");
                continue;
            }
            var settings = new List<TimelineSetting>();
            var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
            foreach (var (key, value) in set.Entries)
            {
                string path = $"{itemPath}.set.{key.Value}";
                if (!seen.TryAdd(key.Value, key))
                {
                    problems.Add(key, path, $"duplicate key (first given at line {seen[key.Value].Position.Line}); keep one");
                    continue;
                }
                var target = scenario.TimelineTarget(key.Value);
                if (target is null)
                {
                    problems.Add(key, path, WhyNotSettable(key.Value, scenario));
                    continue;
                }
                if (ParameterReader.Read(value, path, target.Range, problems) is { } distribution)
                {
                    settings.Add(new TimelineSetting(key.Value, distribution));
                }
            }
            entries.Add(new TimelineEntry(from, settings));
        }
        return problems.Count > before ? null : entries;
    }

    /// <summary>Records a warning when <paramref name="month"/> lies before start or after the horizon's last month.</summary>
    public static void WarnOutsideHorizon(YamlNode node, string path, YearMonth month, YearMonth start, int months, ProblemList warnings)
    {
        var last = start.AddMonths(months - 1);
        if (month.CompareTo(start) < 0)
        {
            warnings.Add(node, path, $"{month} is before start ({start}): the change applies from month 0");
        }
        else if (month.CompareTo(last) > 0)
        {
            warnings.Add(node, path, $"{month} is after the horizon's last month ({last}): the change never applies");
        }
    }

    private static string WhyNotSettable(string key, Scenario scenario)
    {
        if (ParameterCatalogue.Find(key) is { StartOnly: true })
        {
            return "is drawn once for month 0 and cannot change on a date; set it in its section instead";
        }
        if (ScenarioSchema.Find(key) is not null)
        {
            return "cannot change on a date: only numeric parameters can (see 'laborsim validate --defaults')";
        }
        string[] parts = key.Split('.');
        if (parts.Length == 3 && parts[0] == "channels" && !scenario.ChannelNames.Contains(parts[1]))
        {
            return ChannelListReader.UnknownChannel(parts[1], scenario.ChannelNames);
        }
        var settable = new List<string>();
        foreach (var parameter in ParameterCatalogue.Scalars)
        {
            if (!parameter.StartOnly)
            {
                settable.Add(parameter.KeyPath);
            }
        }
        foreach (string channel in scenario.ChannelNames)
        {
            foreach (var channelKey in ParameterCatalogue.ChannelKeys)
            {
                settable.Add($"channels.{channel}.{channelKey.KeyPath}");
            }
        }
        foreach (var destination in scenario.Destinations)
        {
            foreach (var destinationKey in ParameterCatalogue.DestinationKeys)
            {
                settable.Add($"destinations.{destination.Name}.{destinationKey.KeyPath}");
            }
        }
        foreach (var money in scenario.MoneyChannels)
        {
            foreach (var moneyKey in ParameterCatalogue.MoneyChannelKeys)
            {
                settable.Add($"money_channels.{money.Name}.{moneyKey.KeyPath}");
            }
        }
        string? suggestion = Spelling.Closest(key, settable);
        return suggestion is null
            ? "names no parameter that can change on a date; use a key path such as supply.dispatch_per_month or channels.NAME.open"
            : $"names no parameter that can change on a date; did you mean '{suggestion}'?";
    }
}
