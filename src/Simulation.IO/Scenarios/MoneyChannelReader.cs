using System.Text.RegularExpressions;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Reads <c>money_channels:</c> (model version 3): how the state's revenue reaches it, each channel with its share,
/// fee and openness, the channel that takes its share when it closes, and whether designations reach it.
/// </summary>
internal static partial class MoneyChannelReader
{
    private const string Example = "{name: bank, share: 0.6, fee: 0.02, substitute_to: courier}";

    private static readonly string[] Keys = ["name", "share", "fee", "open", "substitute_to", "in_kind"];

    [GeneratedRegex("^[A-Za-z0-9_]{1,40}$")]
    private static partial Regex NamePattern();

    /// <summary>The money channels, in file order; null after recording problems.</summary>
    public static IReadOnlyList<MoneyChannel>? Read(YamlNode node, ProblemList problems)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlSequence sequence)
        {
            problems.Add(node, "money_channels", $"must be a list of money channels such as [{Example}], got {node.Describe()}");
            return null;
        }
        if (sequence.Items.Count > ParameterCatalogue.MaxChannels)
        {
            problems.Add(node, "money_channels", $"has {sequence.Items.Count} money channels; at most {ParameterCatalogue.MaxChannels} are allowed");
            return null;
        }
        int before = problems.Count;
        var channels = new List<MoneyChannel>();
        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var substitutes = new List<(YamlNode Node, string Path, string Target)>();
        bool single = sequence.Items.Count == 1;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            var fields = ItemFields.Read(sequence.Items[i], $"money_channels[{i}]", Keys, Example, problems);
            if (fields is null)
            {
                continue;
            }
            string name = "";
            if (fields.Required("name", $"money_channels[{i}]", Example, problems) is { } nameNode)
            {
                name = nameNode is YamlScalar { IsNull: false, IsQuoted: false } scalar ? scalar.Value.Trim() : "";
                if (!NamePattern().IsMatch(name))
                {
                    problems.Add(nameNode, $"money_channels[{i}].name", $"must be a name of letters, digits and '_' (at most 40), such as bank, got {nameNode.Describe()}");
                }
                else if (!names.TryAdd(name, nameNode))
                {
                    problems.Add(nameNode, $"money_channels[{i}].name", $"'{name}' is already the name of another money channel (line {names[name].Position.Line}); give each its own name");
                }
            }
            string path = NamePattern().IsMatch(name) ? $"money_channels.{name}" : $"money_channels[{i}]";
            InputDistribution? Parameter(ParameterDefinition definition, bool required = false)
            {
                if (fields[definition.KeyPath] is { } value)
                {
                    return ParameterReader.Read(value, $"{path}.{definition.KeyPath}", definition.Range, problems);
                }
                if (required)
                {
                    problems.Add(fields.Mapping, path, $"needs '{definition.KeyPath}' when there are two or more money channels (their shares sum to 1)");
                    return null;
                }
                return InputDistribution.Fixed(definition.Default);
            }
            var share = Parameter(ParameterCatalogue.MoneyChannelShare, required: !single);
            var fee = Parameter(ParameterCatalogue.MoneyChannelFee);
            var open = Parameter(ParameterCatalogue.MoneyChannelOpen);
            string? substituteTo = null;
            if (fields["substitute_to"] is { } target)
            {
                substituteTo = target is YamlScalar { IsNull: false } targetScalar ? targetScalar.Value.Trim() : "";
                if (substituteTo == name)
                {
                    problems.Add(target, $"{path}.substitute_to", "names the money channel itself; name the channel that takes its share when it closes");
                }
                else
                {
                    substitutes.Add((target, $"{path}.substitute_to", substituteTo));
                }
            }
            bool inKind = false;
            if (fields["in_kind"] is { } inKindNode)
            {
                ScalarReader.TryBoolean(inKindNode, $"{path}.in_kind", problems, out inKind);
            }
            if (share is not null && fee is not null && open is not null)
            {
                channels.Add(new MoneyChannel(name, share, fee, open, substituteTo, inKind));
            }
        }
        foreach (var (targetNode, path, target) in substitutes)
        {
            if (!names.ContainsKey(target))
            {
                string? suggestion = Spelling.Closest(target, names.Keys.ToList());
                problems.Add(targetNode, path, $"'{target}' names no money channel{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} (money channels: {string.Join(", ", names.Keys)})");
            }
        }
        if (problems.Count == before && channels.Count > 0)
        {
            ShareWeights.CheckSumToOne(node, "money_channels", [.. channels.Select(c => (c.Name, c.Share))], problems);
        }
        return problems.Count > before ? null : channels;
    }
}
