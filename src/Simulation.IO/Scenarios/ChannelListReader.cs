using System.Text.RegularExpressions;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>Reads <c>channels:</c> (docs/scenario-format.md, version 2): names, shares, stays, freezes, substitution, visibility and fees.</summary>
internal static partial class ChannelListReader
{
    private const string Example = "{name: study, share: 0.8, contract_months: 18}";

    private static readonly string[] Keys = [.. ParameterCatalogue.ChannelItemKeys];

    [GeneratedRegex("^[A-Za-z0-9_]{1,40}$")]
    private static partial Regex NamePattern();

    /// <summary>The channels, empty when the key is left out; null after recording problems.</summary>
    public static IReadOnlyList<ChannelAssumptions>? Read(YamlNode node, ProblemList problems)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlSequence sequence)
        {
            problems.Add(node, "channels", $"must be a list of channels such as [{Example}], got {node.Describe()}");
            return null;
        }
        if (sequence.Items.Count == 0)
        {
            return [];
        }
        if (sequence.Items.Count > ParameterCatalogue.MaxChannels)
        {
            problems.Add(node, "channels", $"has {sequence.Items.Count} channels; at most {ParameterCatalogue.MaxChannels} are allowed");
            return null;
        }
        int before = problems.Count;
        var channels = new List<ChannelAssumptions>();
        var substitutes = new List<(YamlNode Node, string Path, string Target)>();
        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        bool single = sequence.Items.Count == 1;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            // Messages name a channel by its name when it has a valid one, as --set and the timeline address it.
            string? given = sequence.Items[i] is YamlMapping item && item.Entries.FirstOrDefault(e => e.Key.Value == ParameterCatalogue.ChannelName).Value is YamlScalar { IsQuoted: false } n
                && NamePattern().IsMatch(n.Value.Trim()) ? n.Value.Trim() : null;
            var fields = ItemFields.Read(sequence.Items[i], given is null ? $"channels[{i}]" : $"channels.{given}", Keys, Example, problems);
            if (fields is null)
            {
                continue;
            }
            string name = "";
            if (fields.Required(ParameterCatalogue.ChannelName, $"channels[{i}]", Example, problems) is { } nameNode)
            {
                name = nameNode is YamlScalar { IsNull: false, IsQuoted: false } scalar ? scalar.Value.Trim() : "";
                if (!NamePattern().IsMatch(name))
                {
                    problems.Add(nameNode, $"channels[{i}].name", $"must be a name of letters, digits and '_' (at most 40), such as study, got {nameNode.Describe()}");
                }
                else if (!names.TryAdd(name, nameNode))
                {
                    problems.Add(nameNode, $"channels[{i}].name", $"'{name}' is already the name of another channel (line {names[name].Position.Line}); give each channel its own name");
                }
            }
            string path = NamePattern().IsMatch(name) ? $"channels.{name}" : $"channels[{i}]";
            InputDistribution? Parameter(ParameterDefinition definition, bool required = false)
            {
                if (fields[definition.KeyPath] is { } value)
                {
                    return ParameterReader.Read(value, $"{path}.{definition.KeyPath}", definition.Range, problems);
                }
                if (required)
                {
                    problems.Add(fields.Mapping, path, $"needs '{definition.KeyPath}' when there are two or more channels (the shares of all channels sum to 1)");
                    return null;
                }
                return InputDistribution.Fixed(definition.Default);
            }
            var share = Parameter(ParameterCatalogue.ChannelShare, required: !single);
            var contract = fields.Has(ParameterCatalogue.ChannelContractMonths.KeyPath) ? Parameter(ParameterCatalogue.ChannelContractMonths) : null;
            var open = Parameter(ParameterCatalogue.ChannelOpen);
            var substitution = Parameter(ParameterCatalogue.ChannelSubstitution);
            var visibility = Parameter(ParameterCatalogue.ChannelVisibility);
            var fee = Parameter(ParameterCatalogue.ChannelFee);
            string? substituteTo = null;
            if (fields[ParameterCatalogue.ChannelSubstituteTo] is { } target)
            {
                if (target is YamlScalar { IsNull: false } targetScalar)
                {
                    substituteTo = targetScalar.Value.Trim();
                    substitutes.Add((target, $"{path}.substitute_to", substituteTo));
                    if (substituteTo == name)
                    {
                        problems.Add(target, $"{path}.substitute_to", "names the channel itself; name the channel that takes the blocked dispatch");
                    }
                }
                else
                {
                    problems.Add(target, $"{path}.substitute_to", $"must be the name of another channel, got {target.Describe()}");
                }
            }
            else if (substitution is { SupportMax: > 0 })
            {
                problems.Add(fields[ParameterCatalogue.ChannelSubstitution.KeyPath]!, $"{path}.substitution", "needs 'substitute_to': the channel that takes the blocked dispatch");
            }
            if (share is not null && open is not null && substitution is not null && visibility is not null && fee is not null)
            {
                channels.Add(new ChannelAssumptions(name, share, contract, open, substituteTo, substitution, visibility, fee));
            }
        }
        foreach (var (targetNode, path, target) in substitutes)
        {
            if (!names.ContainsKey(target))
            {
                problems.Add(targetNode, path, UnknownChannel(target, names.Keys));
            }
        }
        if (problems.Count == before)
        {
            ShareWeights.CheckSumToOne(node, "channels", [.. channels.Select(c => (c.Name, c.Share))], problems);
        }
        return problems.Count > before ? null : channels;
    }

    /// <summary>"names no channel; did you mean ...? (channels: a, b)".</summary>
    public static string UnknownChannel(string name, IEnumerable<string> channels)
    {
        var list = channels.ToList();
        string? suggestion = Spelling.Closest(name, list);
        string hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
        return $"'{name}' names no channel{hint} (channels: {string.Join(", ", list)})";
    }
}
