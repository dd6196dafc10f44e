using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Applies <c>--set</c> to a key inside a list of the scenario file: <c>channels.NAME.KEY</c>,
/// <c>timeline[I].set.KEY.PATH</c>, <c>repatriation[I].KEY</c>, <c>contingents[I].KEY</c> and
/// <c>enforcement.base_hazard_changes[I].KEY</c>. The value replaces (or adds) that key of that item in the YAML tree,
/// so it is validated, and written to scenario.yaml, like any value of the file.
/// </summary>
internal static partial class ListOverride
{
    [GeneratedRegex(@"^(channels|money_channels|destinations)\.([A-Za-z0-9_]+)\.([A-Za-z_.]+)$")]
    private static partial Regex ChannelKey();

    [GeneratedRegex(@"^(repatriation|contingents|transfers|enforcement\.base_hazard_changes|timeline)\[([0-9]{1,6})\]\.(.+)$")]
    private static partial Regex ItemKey();

    /// <summary>True when <paramref name="keyPath"/> addresses a list item (whether or not the item exists).</summary>
    public static bool Matches(string keyPath) => ChannelKey().IsMatch(keyPath) || ItemKey().IsMatch(keyPath);

    /// <summary>Sets the key of the item that <paramref name="keyPath"/> names to <paramref name="value"/>, or records why it cannot.</summary>
    public static void Apply(string keyPath, YamlNode value, SourcePosition position, Dictionary<string, YamlNode> values, ProblemList problems)
    {
        if (ChannelKey().Match(keyPath) is { Success: true } channel)
        {
            string channelList = channel.Groups[1].Value;
            string name = channel.Groups[2].Value;
            var items = Items(values, channelList);
            var names = items.Select(i => i is YamlMapping m ? m.Entries.FirstOrDefault(e => e.Key.Value == "name").Value as YamlScalar : null)
                .Select(s => s?.Value.Trim() ?? "").ToList();
            int index = names.IndexOf(name);
            if (index < 0)
            {
                problems.Add(position, keyPath, names.Count == 0
                    ? $"the scenario lists no {channelList.Replace('_', ' ')}; add a '{channelList}:' list to the file to set a channel's keys"
                    : channelList == "channels" ? ChannelListReader.UnknownChannel(name, names) : $"'{name}' names no money channel (money channels: {string.Join(", ", names)})");
                return;
            }
            Replace(values, channelList, items, index, channel.Groups[3].Value.Split('.'), value, position, problems, keyPath);
            return;
        }
        var match = ItemKey().Match(keyPath);
        string list = match.Groups[1].Value;
        int item = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var listItems = Items(values, list);
        if (item >= listItems.Count)
        {
            problems.Add(position, keyPath, listItems.Count == 0
                ? $"the scenario has no '{list}' items; write them in the file first"
                : $"the scenario's '{list}' has items 0 to {listItems.Count - 1}, not {item}");
            return;
        }
        string rest = match.Groups[3].Value;
        string[] path = list == "timeline"
            ? rest.StartsWith("set.", StringComparison.Ordinal) ? ["set", rest[4..]] : [rest]
            : [rest];
        Replace(values, list, listItems, item, path, value, position, problems, keyPath);
    }

    private static IReadOnlyList<YamlNode> Items(Dictionary<string, YamlNode> values, string list) =>
        values.TryGetValue(list, out var node) && node is YamlSequence sequence ? sequence.Items : [];

    private static void Replace(Dictionary<string, YamlNode> values, string list, IReadOnlyList<YamlNode> items, int index, string[] path,
        YamlNode value, SourcePosition position, ProblemList problems, string keyPath)
    {
        if (items[index] is not YamlMapping item)
        {
            problems.Add(position, keyPath, $"item {index} of '{list}' is not a mapping in the file; fix the file first");
            return;
        }
        var replaced = Set(item, path, 0, value, position);
        if (replaced is null)
        {
            problems.Add(position, keyPath, $"item {index} of '{list}' has a '{path[0]}' that is not a mapping; fix the file first");
            return;
        }
        var copy = new List<YamlNode>(items) { [index] = replaced };
        values[list] = new YamlSequence(values[list].Position, copy);
    }

    private static YamlMapping? Set(YamlMapping mapping, string[] path, int depth, YamlNode value, SourcePosition position)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>(mapping.Entries);
        int at = entries.FindIndex(e => e.Key.Value == path[depth]);
        YamlNode replacement = value;
        if (depth < path.Length - 1)
        {
            var inner = at >= 0 ? entries[at].Value as YamlMapping : new YamlMapping(position, []);
            if (inner is null)
            {
                return null;
            }
            var set = Set(inner, path, depth + 1, value, position);
            if (set is null)
            {
                return null;
            }
            replacement = set;
        }
        if (at >= 0)
        {
            entries[at] = KeyValuePair.Create(entries[at].Key, replacement);
        }
        else
        {
            entries.Add(KeyValuePair.Create(new YamlScalar(position, path[depth], false), replacement));
        }
        return mapping with { Entries = entries };
    }
}
