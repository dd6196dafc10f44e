using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>Reads <c>contingents:</c> (docs/scenario-format.md, version 2): blocks of workers sent by a state-to-state deal.</summary>
internal static class ContingentReader
{
    private const string Example = "{month: 2025-09, workers: 5000, channel: contingent, spread_months: 3}";

    private static readonly string[] Keys = ["month", "workers", "channel", "spread_months", "pay_per_month", "destination"];

    private static readonly ValueRange Spread = new(1, 1200);

    /// <summary>The contingents, in file order; null after recording problems.</summary>
    public static IReadOnlyList<Contingent>? Read(YamlNode node, Scenario scenario, ProblemList problems)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlSequence sequence)
        {
            problems.Add(node, "contingents", $"must be a list of contingents such as [{Example}], got {node.Describe()}");
            return null;
        }
        if (sequence.Items.Count > ParameterCatalogue.MaxListItems)
        {
            problems.Add(node, "contingents", $"has {sequence.Items.Count} contingents; at most {ParameterCatalogue.MaxListItems} are allowed");
            return null;
        }
        int before = problems.Count;
        var channels = scenario.ChannelNames;
        var contingents = new List<Contingent>();
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            string itemPath = $"contingents[{i}]";
            var fields = ItemFields.Read(sequence.Items[i], itemPath, Keys, Example, problems);
            if (fields is null)
            {
                continue;
            }
            var monthNode = fields.Required("month", itemPath, Example, problems);
            YearMonth month = default;
            bool monthOk = monthNode is not null && ScalarReader.TryMonth(monthNode, itemPath + ".month", problems, out month);
            var workersNode = fields.Required("workers", itemPath, Example, problems);
            var definition = ParameterCatalogue.ContingentWorkers;
            var workers = workersNode is null ? null : ParameterReader.Read(workersNode, itemPath + ".workers", definition.Range, problems);
            string channel = channels[0];
            if (fields["channel"] is { } channelNode)
            {
                channel = channelNode is YamlScalar { IsNull: false } scalar ? scalar.Value.Trim() : "";
                if (!channels.Contains(channel))
                {
                    problems.Add(channelNode, itemPath + ".channel", ChannelListReader.UnknownChannel(channel.Length > 0 ? channel : channelNode.Describe(), channels));
                }
            }
            long spread = 1;
            bool spreadOk = fields["spread_months"] is not { } spreadNode || ScalarReader.TryInteger(spreadNode, itemPath + ".spread_months", Spread, problems, out spread);
            var payDefinition = ParameterCatalogue.ContingentPayPerMonth;
            var pay = fields["pay_per_month"] is { } payNode
                ? ParameterReader.Read(payNode, itemPath + ".pay_per_month", payDefinition.Range, problems)
                : Simulation.Core.Distributions.InputDistribution.Fixed(payDefinition.Default);
            string? destination = null;
            if (fields["destination"] is { } placeNode)
            {
                destination = placeNode is YamlScalar { IsNull: false } place ? place.Value.Trim() : "";
                var places = scenario.DestinationNames;
                if (scenario.Destinations.Count == 0 || !places.Contains(destination))
                {
                    string? suggestion = Spelling.Closest(destination, places);
                    problems.Add(placeNode, itemPath + ".destination", scenario.Destinations.Count == 0
                        ? "this scenario lists no destinations: add 'destinations:' or leave 'destination' out"
                        : $"'{destination}' names no destination{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} (destinations: {string.Join(", ", places)})");
                }
            }
            if (monthOk && workers is not null && spreadOk && pay is not null)
            {
                contingents.Add(new Contingent(month, workers, channel, (int)spread) { PayPerMonth = pay, Destination = destination });
            }
        }
        return problems.Count > before ? null : contingents;
    }
}
