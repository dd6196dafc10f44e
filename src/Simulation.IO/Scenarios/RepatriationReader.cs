using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>Reads <c>repatriation:</c> (docs/scenario-format.md, version 2): deadline orders with compliance, ramp and conversion.</summary>
internal static class RepatriationReader
{
    private const string Example = "{deadline: 2019-12, compliance: 0.95, ramp_months: 4, channels: [permit], convert_to: study, convert: 0.5}";

    private static readonly string[] Keys = ["deadline", "compliance", "ramp_months", "channels", "convert_to", "convert"];

    /// <summary>The orders, in file order; null after recording problems.</summary>
    public static IReadOnlyList<RepatriationOrder>? Read(YamlNode node, Scenario scenario, ProblemList problems)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlSequence sequence)
        {
            problems.Add(node, "repatriation", $"must be a list of orders such as [{Example}], got {node.Describe()}");
            return null;
        }
        if (sequence.Items.Count > ParameterCatalogue.MaxListItems)
        {
            problems.Add(node, "repatriation", $"has {sequence.Items.Count} orders; at most {ParameterCatalogue.MaxListItems} are allowed");
            return null;
        }
        int before = problems.Count;
        var channels = scenario.ChannelNames;
        var orders = new List<RepatriationOrder>();
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            string itemPath = $"repatriation[{i}]";
            var fields = ItemFields.Read(sequence.Items[i], itemPath, Keys, Example, problems);
            if (fields is null)
            {
                continue;
            }
            var deadlineNode = fields.Required("deadline", itemPath, Example, problems);
            YearMonth deadline = default;
            bool deadlineOk = deadlineNode is not null && ScalarReader.TryMonth(deadlineNode, itemPath + ".deadline", problems, out deadline);
            InputDistribution? Parameter(ParameterDefinition definition) => fields[definition.KeyPath] is { } value
                ? ParameterReader.Read(value, $"{itemPath}.{definition.KeyPath}", definition.Range, problems)
                : InputDistribution.Fixed(definition.Default);
            var compliance = Parameter(ParameterCatalogue.RepatriationCompliance);
            var ramp = Parameter(ParameterCatalogue.RepatriationRampMonths);
            var convert = Parameter(ParameterCatalogue.RepatriationConvert);
            var covered = new List<string>();
            if (fields["channels"] is { } list)
            {
                if (list is not YamlSequence names || names.Items.Count == 0)
                {
                    problems.Add(list, itemPath + ".channels", $"must be a non-empty list of channel names such as [permit], got {list.Describe()}");
                }
                else
                {
                    foreach (var item in names.Items)
                    {
                        string name = item is YamlScalar { IsNull: false } scalar ? scalar.Value.Trim() : "";
                        if (!channels.Contains(name))
                        {
                            problems.Add(item, itemPath + ".channels", ChannelListReader.UnknownChannel(name.Length > 0 ? name : item.Describe(), channels));
                        }
                        covered.Add(name);
                    }
                }
            }
            string? convertTo = null;
            if (fields["convert_to"] is { } target)
            {
                convertTo = target is YamlScalar { IsNull: false } scalar ? scalar.Value.Trim() : "";
                if (!channels.Contains(convertTo))
                {
                    problems.Add(target, itemPath + ".convert_to", ChannelListReader.UnknownChannel(convertTo.Length > 0 ? convertTo : target.Describe(), channels));
                }
            }
            else if (convert is { SupportMax: > 0 })
            {
                problems.Add(fields["convert"]!, itemPath + ".convert", "needs 'convert_to': the channel stranded workers move to");
            }
            if (deadlineOk && compliance is not null && ramp is not null && convert is not null)
            {
                orders.Add(new RepatriationOrder(deadline, compliance, ramp, covered, convertTo, convert));
            }
        }
        return problems.Count > before ? null : orders;
    }
}
