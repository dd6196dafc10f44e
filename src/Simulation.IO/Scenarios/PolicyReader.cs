using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Reads <c>policies:</c> (docs/decisions.md): named settings of the scenario's levers, from month 0, from a calendar
/// month (<c>from</c>), or after a signpost (<c>when: "SERIES OP VALUE over K months"</c>, <c>lag_months</c>).
/// </summary>
internal static partial class PolicyReader
{
    private const string Example = "{name: close-study-route, set: {channels.study.open: 0}, from: 2026-01}";

    private static readonly string[] Keys = ["name", "set", "from", "when", "lag_months", "note"];

    [GeneratedRegex("^[A-Za-z0-9_-]{1,60}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\s*(?<series>[A-Za-z0-9_.@]+)\s*(?<op>>=|<=|>|<)\s*(?<value>\S+)\s+over\s+(?<months>\d+)\s+months?\s*$")]
    private static partial Regex TriggerPattern();

    /// <summary>The policies, in file order; null after recording problems.</summary>
    public static IReadOnlyList<Policy>? Read(YamlNode node, Scenario scenario, ProblemList problems)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlSequence sequence)
        {
            problems.Add(node, "policies", $"must be a list of policies such as [{Example}], got {node.Describe()}");
            return null;
        }
        if (sequence.Items.Count > ParameterCatalogue.MaxListItems)
        {
            problems.Add(node, "policies", $"has {sequence.Items.Count} policies; at most {ParameterCatalogue.MaxListItems} are allowed");
            return null;
        }
        int before = problems.Count;
        var policies = new List<Policy>();
        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            string itemPath = $"policies[{i}]";
            var fields = ItemFields.Read(sequence.Items[i], itemPath, Keys, Example, problems);
            if (fields?.Required("name", itemPath, Example, problems) is not { } nameNode)
            {
                continue;
            }
            string name = nameNode is YamlScalar { IsNull: false } scalar ? scalar.Value.Trim() : "";
            if (!NamePattern().IsMatch(name))
            {
                problems.Add(nameNode, itemPath + ".name", $"must be a name of letters, digits, '-' and '_' (at most 60), such as close-study-route, got {nameNode.Describe()}");
                continue;
            }
            if (!names.TryAdd(name, nameNode))
            {
                problems.Add(nameNode, itemPath + ".name", $"'{name}' is already the name of another policy (line {names[name].Position.Line}); give each its own");
                continue;
            }
            string path = $"policies.{name}";
            YearMonth? from = null;
            if (fields["from"] is { } fromNode && ScalarReader.TryMonth(fromNode, path + ".from", problems, out YearMonth month))
            {
                var last = scenario.Start.AddMonths(scenario.Months - 1);
                if (month.CompareTo(scenario.Start) < 0 || month.CompareTo(last) > 0)
                {
                    problems.Add(fromNode, path + ".from", $"{month} is outside the horizon ({scenario.Start} to {last}); a policy applies within it");
                }
                from = month;
            }
            PolicyTrigger? trigger = fields["when"] is { } whenNode ? Trigger(whenNode, path + ".when", scenario, problems) : null;
            if (fields.Has("from") && fields.Has("when"))
            {
                problems.Add(fields["when"]!, path, "takes 'from' or 'when', not both: a policy applies from a date or after a signpost");
            }
            long lag = 0;
            if (fields["lag_months"] is { } lagNode)
            {
                if (!fields.Has("when"))
                {
                    problems.Add(lagNode, path + ".lag_months", "goes with 'when': it is the delay after the signpost");
                }
                ScalarReader.TryInteger(lagNode, path + ".lag_months", new ValueRange(0, 1200), problems, out lag);
            }
            var settings = Settings(fields["set"], path, scenario, timed: fields.Has("from") || fields.Has("when"), problems);
            string note = fields["note"] is YamlScalar { IsNull: false } noteNode ? noteNode.Value.Trim() : "";
            if (settings is null)
            {
                continue;
            }
            if (settings.Count == 0 && (fields.Has("from") || fields.Has("when")))
            {
                problems.Add(fields.Mapping, path, "sets nothing, so 'from' and 'when' have nothing to apply; add 'set: {LEVER: VALUE}'");
            }
            policies.Add(new Policy(name, settings) { From = from, Trigger = trigger, LagMonths = (int)lag, Note = note });
        }
        return problems.Count > before ? null : policies;
    }

    /// <summary>The policy <c>policy:</c> names (null when it names none), or null after recording a problem.</summary>
    public static Policy? InForce(YamlNode? node, Scenario scenario, ProblemList problems)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return null;
        }
        string name = node is YamlScalar scalar ? scalar.Value.Trim() : "";
        if (scenario.FindPolicy(name) is { } policy)
        {
            return policy;
        }
        var names = scenario.PoliciesWithStatusQuo().Select(p => p.Name).ToList();
        string? suggestion = Spelling.Closest(name, names);
        problems.Add(node, "policy", $"'{ScalarReader.Show(node)}' names no policy of this scenario{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} (policies: {string.Join(", ", names)})");
        return null;
    }

    private static List<PolicySetting>? Settings(YamlNode? node, string path, Scenario scenario, bool timed, ProblemList problems)
    {
        var settings = new List<PolicySetting>();
        if (node is null or YamlScalar { IsNull: true })
        {
            return settings;
        }
        if (node is not YamlMapping mapping)
        {
            problems.Add(node, path + ".set", $"must be a mapping of levers to values such as {{channels.study.open: 0}}, got {node.Describe()}");
            return null;
        }
        int before = problems.Count;
        var levers = scenario.Levers.Select(l => l.KeyPath).ToList();
        foreach (var (key, value) in mapping.Entries)
        {
            string keyPath = $"{path}.set.{key.Value}";
            var lever = scenario.Levers.FirstOrDefault(l => l.KeyPath == key.Value);
            if (lever is null)
            {
                string? suggestion = Spelling.Closest(key.Value, levers);
                problems.Add(key, keyPath, levers.Count == 0
                    ? "is not a lever: a policy sets only levers, and this scenario declares none (add 'levers:')"
                    : $"is not a lever{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} (levers: {string.Join(", ", levers)})");
                continue;
            }
            if (!ScalarReader.TryNumber(value, keyPath, problems, out double number))
            {
                continue;
            }
            if (!lever.Allows(number))
            {
                problems.Add(value, keyPath, $"must be {lever.Describe()} (the lever's values), got {number.ToString("R", CultureInfo.InvariantCulture)}");
                continue;
            }
            if (timed && scenario.TimelineTarget(key.Value) is null && !Scenario.IsHazardMultiplier(key.Value))
            {
                problems.Add(key, keyPath, "cannot change during a run (it is drawn once for month 0, or is no parameter the timeline sets), so a policy can set it only from month 0: drop 'from' and 'when'");
                continue;
            }
            settings.Add(new PolicySetting(key.Value, number));
        }
        return problems.Count > before ? null : settings;
    }

    private static PolicyTrigger? Trigger(YamlNode node, string path, Scenario scenario, ProblemList problems)
    {
        const string form = "write it as \"SERIES OP VALUE over K months\", e.g. \"arrivals.study > 2000 over 3 months\" (OP one of >, >=, <, <=)";
        if (node is not YamlScalar { IsNull: false } scalar)
        {
            problems.Add(node, path, $"must be a signpost; {form}, got {node.Describe()}");
            return null;
        }
        var match = TriggerPattern().Match(scalar.Value);
        if (!match.Success)
        {
            problems.Add(node, path, $"'{scalar.Value}' is not a signpost; {form}");
            return null;
        }
        string series = match.Groups["series"].Value;
        var names = scenario.SeriesDefinitions().Select(d => d.Name).ToList();
        if (series.StartsWith("observed.", StringComparison.Ordinal))
        {
            problems.Add(node, path, $"watches '{series}', but this scenario defines no observed series; watch a model series ({string.Join(", ", names)})");
            return null;
        }
        if (!names.Contains(series))
        {
            string? suggestion = Spelling.Closest(series, names);
            problems.Add(node, path, $"watches '{series}', which is no series of this scenario{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} (series: {string.Join(", ", names)})");
            return null;
        }
        if (!double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            problems.Add(node, path, $"'{match.Groups["value"].Value}' is not a number; {form}");
            return null;
        }
        if (!int.TryParse(match.Groups["months"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int months) || months < 1 || months > scenario.Months)
        {
            problems.Add(node, path, $"watches over {months} months; use 1 to the horizon's {scenario.Months}");
            return null;
        }
        var comparison = match.Groups["op"].Value switch
        {
            ">" => Comparison.Greater,
            ">=" => Comparison.GreaterOrEqual,
            "<" => Comparison.Less,
            _ => Comparison.LessOrEqual,
        };
        return new PolicyTrigger(series, comparison, value, months);
    }
}
