using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Reads <c>expect:</c>: the claims a scenario file makes about its own results, each a mean, a median, a
/// probability by the horizon or a share of runs above a value, with the range in which it holds.
/// </summary>
internal static partial class ExpectationReader
{
    private const string Example = "{says: \"the ceasefire comes in about two years\", median: ceasefire_month, between: [2024-03, 2025-03]}";

    private static readonly string[] Keys = ["says", "mean", "median", "probability", "between"];

    [GeneratedRegex(@"^\s*(?<metric>[A-Za-z_][A-Za-z0-9_]*)\s*>\s*(?<value>\S+)\s*$")]
    private static partial Regex SharePattern();

    /// <summary>The claims, in file order; null after recording problems.</summary>
    public static IReadOnlyList<Expectation>? Read(YamlNode? node, Scenario scenario, ProblemList problems)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlSequence sequence)
        {
            problems.Add(node, "expect", $"must be a list of claims such as [{Example}], got {node.Describe()}");
            return null;
        }
        if (sequence.Items.Count > ParameterCatalogue.MaxListItems)
        {
            problems.Add(node, "expect", $"has {sequence.Items.Count} claims; at most {ParameterCatalogue.MaxListItems} are allowed");
            return null;
        }
        int before = problems.Count;
        var claims = new List<Expectation>();
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            string itemPath = $"expect[{i}]";
            var fields = ItemFields.Read(sequence.Items[i], itemPath, Keys, Example, problems);
            if (fields is null)
            {
                continue;
            }
            if (Claim(fields, itemPath, scenario, problems) is { } claim)
            {
                claims.Add(claim);
            }
        }
        return problems.Count > before ? null : claims;
    }

    private static Expectation? Claim(ItemFields fields, string itemPath, Scenario scenario, ProblemList problems)
    {
        var saysNode = fields.Required("says", itemPath, Example, problems);
        string says = saysNode is YamlScalar { IsNull: false } saysText ? saysText.Value.Trim() : "";
        if (saysNode is not null && says.Length == 0)
        {
            problems.Add(saysNode, itemPath + ".says", "must be the claim in words, as the description or a comment makes it, e.g. \"the ceasefire comes in about two years\"");
        }
        string[] quantities = ["mean", "median", "probability"];
        var given = quantities.Where(fields.Has).ToList();
        if (given.Count != 1)
        {
            problems.Add(fields.Mapping, itemPath, given.Count == 0
                ? $"needs one of mean: METRIC, median: METRIC or probability: (enforced_by_horizon, ceasefire_by_horizon or \"METRIC > VALUE\"), e.g. {Example}"
                : $"takes one of mean, median and probability, got {string.Join(" and ", given)}: write one claim per item");
            return null;
        }
        string kind = given[0];
        var subject = fields[kind]!;
        string text = subject is YamlScalar { IsNull: false } scalar ? scalar.Value.Trim() : "";
        string path = $"{itemPath}.{kind}";
        ExpectedQuantity quantity;
        Metric metric = default;
        HorizonProbability probability = default;
        double above = 0;
        if (kind == "probability")
        {
            if (OutputCatalogue.TryParseProbability(text, out probability))
            {
                quantity = ExpectedQuantity.ByHorizon;
            }
            else if (SharePattern().Match(text) is { Success: true } match)
            {
                quantity = ExpectedQuantity.ShareAbove;
                if (!TryMetric(match.Groups["metric"].Value, subject, path, problems, out metric))
                {
                    return null;
                }
                if (!double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out above) || !double.IsFinite(above))
                {
                    problems.Add(subject, path, $"'{match.Groups["value"].Value}' is not a number; write it plainly, e.g. \"remittances_usd > 1e9\"");
                    return null;
                }
            }
            else
            {
                problems.Add(subject, path,
                    $"must be {string.Join(" or ", OutputCatalogue.ProbabilityNames)}, or the share of runs above a value as \"METRIC > VALUE\" (e.g. \"remittances_usd > 1e9\"; a share below is 1 minus a share above), got {subject.Describe()}");
                return null;
            }
        }
        else
        {
            quantity = kind == "mean" ? ExpectedQuantity.Mean : ExpectedQuantity.Median;
            if (!TryMetric(text, subject, path, problems, out metric))
            {
                return null;
            }
        }
        bool monthBounds = quantity is ExpectedQuantity.Mean or ExpectedQuantity.Median && OutputCatalogue.Of(metric).Kind == OutputKind.MonthIndex;
        if (fields.Required("between", itemPath, Example, problems) is not { } betweenNode
            || !TryRange(betweenNode, itemPath + ".between", monthBounds, scenario, problems, out double low, out double high))
        {
            return null;
        }
        if (quantity is ExpectedQuantity.ByHorizon or ExpectedQuantity.ShareAbove && (low < 0 || high > 1))
        {
            problems.Add(betweenNode, itemPath + ".between", $"a probability lies from 0 to 1, got [{low}, {high}]; write shares, e.g. [0.05, 0.2]");
            return null;
        }
        return saysNode is null || says.Length == 0 ? null : new Expectation(says, quantity, metric, probability, above, low, high);
    }

    private static bool TryMetric(string name, YamlNode node, string path, ProblemList problems, out Metric metric)
    {
        if (OutputCatalogue.TryParseMetric(name, out metric))
        {
            return true;
        }
        string? closest = Spelling.Closest(name, OutputCatalogue.MetricNames);
        problems.Add(node, path, $"unknown metric '{name}'{(closest is null ? "" : $"; did you mean '{closest}'?")} (one of {string.Join(", ", OutputCatalogue.MetricNames)})");
        return false;
    }

    // A month metric's range may be written as calendar months, which are the claims' own words ("by 2024-09").
    private static bool TryRange(YamlNode node, string path, bool months, Scenario scenario, ProblemList problems, out double low, out double high)
    {
        low = high = 0;
        if (node is not YamlSequence { Items.Count: 2 } pair)
        {
            problems.Add(node, path, $"must be [LOW, HIGH], the range in which the claim holds{(months ? " (numbers, or months as YYYY-MM)" : "")}, got {node.Describe()}");
            return false;
        }
        bool ok = TryBound(pair.Items[0], path, months, scenario, problems, out low) & TryBound(pair.Items[1], path, months, scenario, problems, out high);
        if (ok && low > high)
        {
            problems.Add(node, path, $"LOW must not exceed HIGH, got [{ScalarReader.Show(pair.Items[0])}, {ScalarReader.Show(pair.Items[1])}]");
            return false;
        }
        return ok;
    }

    private static bool TryBound(YamlNode node, string path, bool months, Scenario scenario, ProblemList problems, out double value)
    {
        if (months && node is YamlScalar { IsNull: false } scalar && YearMonth.TryParse(scalar.Value.Trim(), out var month))
        {
            value = month.MonthsSince(scenario.Start);
            return true;
        }
        return ScalarReader.TryNumber(node, path, problems, out value);
    }
}
