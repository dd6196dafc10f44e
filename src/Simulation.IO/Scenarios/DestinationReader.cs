using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Reads <c>destinations:</c> and <c>transfers:</c> (model version 3): the places workers are sent to, each with its
/// share of arrivals or its own demand curve, wage, hazard factor, death rate and visibility, and the monthly moves
/// between them.
/// </summary>
internal static partial class DestinationReader
{
    private const string Example = "{name: donbas, demand: {wartime: 0, peak: 20000, ramp_months: 12}, hazard_factor: 2}";

    private const string TransferExample = "{from: russia, to: donbas, monthly: 0.02}";

    private static readonly string[] Keys = ["name", "label", "share", "demand", "wage", "hazard_factor", "death_rate", "visibility"];

    private static readonly string[] DemandKeys = ["wartime", "peak", "ramp_months"];

    private static readonly string[] TransferKeys = ["from", "to", "monthly"];

    [GeneratedRegex("^[A-Za-z0-9_]{1,40}$")]
    private static partial Regex NamePattern();

    /// <summary>The destinations, in file order; null after recording problems.</summary>
    public static IReadOnlyList<Destination>? Read(YamlNode node, ProblemList problems)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlSequence sequence)
        {
            problems.Add(node, "destinations", $"must be a list of destinations such as [{Example}], got {node.Describe()}");
            return null;
        }
        if (sequence.Items.Count > ParameterCatalogue.MaxChannels)
        {
            problems.Add(node, "destinations", $"has {sequence.Items.Count} destinations; at most {ParameterCatalogue.MaxChannels} are allowed");
            return null;
        }
        int before = problems.Count;
        var destinations = new List<Destination>();
        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        bool single = sequence.Items.Count == 1;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            var fields = ItemFields.Read(sequence.Items[i], $"destinations[{i}]", Keys, Example, problems);
            if (fields is null)
            {
                continue;
            }
            string name = "";
            if (fields.Required("name", $"destinations[{i}]", Example, problems) is { } nameNode)
            {
                name = nameNode is YamlScalar { IsNull: false, IsQuoted: false } scalar ? scalar.Value.Trim() : "";
                if (!NamePattern().IsMatch(name))
                {
                    problems.Add(nameNode, $"destinations[{i}].name", $"must be a name of letters, digits and '_' (at most 40), such as donbas, got {nameNode.Describe()}");
                }
                else if (!names.TryAdd(name, nameNode))
                {
                    problems.Add(nameNode, $"destinations[{i}].name", $"'{name}' is already the name of another destination (line {names[name].Position.Line}); give each its own name");
                }
            }
            string path = NamePattern().IsMatch(name) ? $"destinations.{name}" : $"destinations[{i}]";
            InputDistribution? Parameter(ParameterDefinition definition, YamlNode? value) =>
                value is null ? InputDistribution.Fixed(definition.Default) : ParameterReader.Read(value, $"{path}.{definition.KeyPath}", definition.Range, problems);
            DemandAssumptions? demand = null;
            if (fields["demand"] is { } demandNode)
            {
                var demandFields = ItemFields.Read(demandNode, $"{path}.demand", DemandKeys, "{wartime: 0, peak: 20000, ramp_months: 12}", problems);
                if (demandFields is not null)
                {
                    var wartime = Parameter(ParameterCatalogue.DestinationWartime, demandFields["wartime"]);
                    var peak = Parameter(ParameterCatalogue.DestinationPeak, demandFields["peak"]);
                    var ramp = Parameter(ParameterCatalogue.DestinationRampMonths, demandFields["ramp_months"]);
                    if (wartime is not null && peak is not null && ramp is not null)
                    {
                        demand = new DemandAssumptions(wartime, peak, ramp);
                    }
                }
            }
            if (!single && !fields.Has("share") && !fields.Has("demand") && sequence.Items.Count(item => item is YamlMapping m && !m.Entries.Any(e => e.Key.Value == "demand")) > 1)
            {
                problems.Add(fields.Mapping, path, "needs 'share' (or 'demand') when two or more destinations share the scenario's demand: its arrivals are split by shares");
            }
            string? label = null;
            if (fields["label"] is { } labelNode)
            {
                label = labelNode is YamlScalar { IsNull: false } text && text.Value.Trim().Length > 0 ? text.Value.Trim() : null;
                if (label is null)
                {
                    problems.Add(labelNode, $"{path}.label", $"must be the destination in words for charts and reports, such as \"occupied Donbas\", got {labelNode.Describe()}");
                }
            }
            var share = Parameter(ParameterCatalogue.DestinationShare, fields["share"]);
            var wage = fields["wage"] is { } wageNode ? Parameter(ParameterCatalogue.DestinationWage, wageNode) : null;
            var hazard = Parameter(ParameterCatalogue.DestinationHazardFactor, fields["hazard_factor"]);
            var death = fields["death_rate"] is { } deathNode ? Parameter(ParameterCatalogue.DestinationDeathRate, deathNode) : null;
            var visibility = Parameter(ParameterCatalogue.DestinationVisibility, fields["visibility"]);
            if (share is not null && hazard is not null && visibility is not null && (fields["wage"] is null || wage is not null)
                && (fields["death_rate"] is null || death is not null) && (fields["demand"] is null || demand is not null))
            {
                destinations.Add(new Destination(name, share) { Demand = demand, Wage = wage, HazardFactor = hazard, DeathRate = death, Visibility = visibility, Label = label });
            }
        }
        // Shares divide the scenario's demand among the destinations without a curve of their own.
        var sharing = destinations.Where(d => d.Demand is null).ToList();
        if (problems.Count == before && sharing.Count > 1)
        {
            ShareWeights.CheckSumToOne(node, "destinations", [.. sharing.Select(d => (d.Name, d.Share))], problems);
        }
        return problems.Count > before ? null : destinations;
    }

    /// <summary>The transfers between <paramref name="destinations"/>, in file order; null after recording problems.</summary>
    public static IReadOnlyList<Transfer>? ReadTransfers(YamlNode node, IReadOnlyList<Destination> destinations, ProblemList problems)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlSequence sequence)
        {
            problems.Add(node, "transfers", $"must be a list of transfers such as [{TransferExample}], got {node.Describe()}");
            return null;
        }
        if (sequence.Items.Count > 0 && destinations.Count < 2)
        {
            problems.Add(node, "transfers", "moves workers between destinations, and this scenario has fewer than two: list them under 'destinations:'");
            return null;
        }
        int before = problems.Count;
        var names = destinations.Select(d => d.Name).ToList();
        var transfers = new List<Transfer>();
        var outgoing = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            string path = $"transfers[{i}]";
            var fields = ItemFields.Read(sequence.Items[i], path, TransferKeys, TransferExample, problems);
            if (fields is null)
            {
                continue;
            }
            string? Place(string key)
            {
                if (fields.Required(key, path, TransferExample, problems) is not { } placeNode)
                {
                    return null;
                }
                string place = placeNode is YamlScalar { IsNull: false } scalar ? scalar.Value.Trim() : "";
                if (names.Contains(place))
                {
                    return place;
                }
                string? suggestion = Spelling.Closest(place, names);
                problems.Add(placeNode, $"{path}.{key}", $"'{place}' names no destination{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} (destinations: {string.Join(", ", names)})");
                return null;
            }
            string? from = Place("from");
            string? to = Place("to");
            if (from is not null && from == to)
            {
                problems.Add(fields["to"]!, $"{path}.to", "is the transfer's origin as well: a transfer moves workers to another destination");
            }
            var monthlyNode = fields.Required("monthly", path, TransferExample, problems);
            var monthly = monthlyNode is null ? null : ParameterReader.Read(monthlyNode, $"{path}.monthly", ParameterCatalogue.TransferMonthly.Range, problems);
            if (from is not null && to is not null && monthly is not null)
            {
                transfers.Add(new Transfer(from, to, monthly));
                outgoing[from] = outgoing.GetValueOrDefault(from) + monthly.SupportMax;
                if (outgoing[from] > 1 + 1e-12)
                {
                    problems.Add(monthlyNode!, $"{path}.monthly", $"the transfers out of {from} can add up to {outgoing[from].ToString("G4", CultureInfo.InvariantCulture)} a month; a worker moves at most once a month, so they must sum to at most 1");
                }
            }
        }
        return problems.Count > before ? null : transfers;
    }
}
