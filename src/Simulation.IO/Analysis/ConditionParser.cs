using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Core.Catalogue;
using Simulation.Core.Discovery;
using Simulation.IO.Scenarios;
using Simulation.IO.Yaml;

namespace Simulation.IO.Analysis;

/// <summary>Reads a condition on a run's metrics: clauses METRIC OP VALUE (OP one of &gt; &gt;= &lt; &lt;=) joined by "and".</summary>
public static partial class ConditionParser
{
    /// <summary>The condition in <paramref name="text"/>; null with problems (naming <paramref name="source"/> and the column) if it cannot be read.</summary>
    public static OutcomeCondition? Parse(string text, string source, ProblemList problems)
    {
        int before = problems.Count;
        var clauses = new List<OutcomeClause>();
        int offset = 0;
        foreach (string part in AndSeparator().Split(text))
        {
            int column = offset + 1 + (part.Length - part.TrimStart().Length);
            offset += part.Length;
            var match = Clause().Match(part);
            if (!match.Success)
            {
                problems.Add(new SourcePosition(source, 1, column), "",
                    $"'{part.Trim()}' is not a comparison: write METRIC OP VALUE with OP one of >, >=, <, <=, joined by 'and', e.g. \"remittances_usd > 1e9 and peak_workers >= 20000\"");
                offset += 5;
                continue;
            }
            string name = match.Groups["metric"].Value;
            if (!OutputCatalogue.TryParseMetric(name, out var metric))
            {
                string? closest = Spelling.Closest(name, OutputCatalogue.MetricNames);
                problems.Add(new SourcePosition(source, 1, column), "",
                    $"unknown metric '{name}'{(closest is null ? "" : $"; did you mean '{closest}'?")} (one of {string.Join(", ", OutputCatalogue.MetricNames)})");
            }
            string number = match.Groups["value"].Value;
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                problems.Add(new SourcePosition(source, 1, column + match.Groups["value"].Index - (part.Length - part.TrimStart().Length)), "",
                    $"'{number}' is not a number; write it plainly, e.g. 1e9 or 25000");
            }
            var comparison = match.Groups["op"].Value switch
            {
                ">" => Comparison.Greater,
                ">=" => Comparison.GreaterOrEqual,
                "<" => Comparison.Less,
                _ => Comparison.LessOrEqual,
            };
            clauses.Add(new OutcomeClause(metric, comparison, value));
            offset += 5;
        }
        return problems.Count > before ? null : new OutcomeCondition(clauses);
    }

    [GeneratedRegex(@" and ", RegexOptions.IgnoreCase)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^\s*(?<metric>[A-Za-z_][A-Za-z0-9_.]*)\s*(?<op>>=|<=|>|<)\s*(?<value>\S+)\s*$")]
    private static partial Regex Clause();
}
