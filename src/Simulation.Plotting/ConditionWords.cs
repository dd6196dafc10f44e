using Simulation.Core.Catalogue;
using Simulation.Core.Discovery;
using Simulation.Core.Model;

namespace Simulation.Plotting;

/// <summary>
/// A condition on a run's outcomes in words, for charts and reports: "remittances, total over the horizon below $1B",
/// "ceasefire by 2026-11". The condition as typed stays in CSV and JSON, where it is read back.
/// </summary>
public static class ConditionWords
{
    /// <summary>Every clause in words, joined by "and".</summary>
    public static string Of(OutcomeCondition condition, Scenario? scenario) => string.Join(" and ", condition.Clauses.Select(c => Of(c, scenario)));

    /// <summary>
    /// One clause in words. A month index becomes the calendar month it names (index t is the month <c>start + t</c>),
    /// so "ceasefire_month &lt; 24" from 2024-12 reads "ceasefire by 2026-11": the last month that satisfies it.
    /// </summary>
    public static string Of(OutcomeClause clause, Scenario? scenario)
    {
        var output = OutputCatalogue.Of(clause.Metric);
        if (output.Kind == OutputKind.MonthIndex && scenario is not null)
        {
            return clause.Comparison switch
            {
                Comparison.Less => $"{output.Label} by {scenario.Start.AddMonths((int)Math.Ceiling(clause.Value) - 1)}",
                Comparison.LessOrEqual => $"{output.Label} by {scenario.Start.AddMonths((int)Math.Floor(clause.Value))}",
                Comparison.Greater => $"{output.Label} from {scenario.Start.AddMonths((int)Math.Floor(clause.Value) + 1)}",
                _ => $"{output.Label} from {scenario.Start.AddMonths((int)Math.Ceiling(clause.Value))}",
            };
        }
        return $"{output.Label} {Relation(clause.Comparison)} {NumberText.Tick(clause.Value, output.Kind)}";
    }

    /// <summary>
    /// An adaptive policy's signpost in words: "arrivals (study) above 6,000 in total over 3 months" for a flow,
    /// "workers abroad above 20,000 in each of 2 months" for a stock.
    /// </summary>
    public static string Of(PolicyTrigger trigger, Scenario scenario)
    {
        var series = scenario.SeriesDefinitions().FirstOrDefault(d => d.Name == trigger.Series);
        string label = series?.Label ?? trigger.Series;
        var kind = series?.Kind ?? OutputKind.Count;
        string months = trigger.Months == 1 ? "in a month" : kind == OutputKind.Flow ? $"in total over {trigger.Months} months" : $"in each of {trigger.Months} months";
        return $"{label} {Relation(trigger.Comparison)} {NumberText.Tick(trigger.Value, kind)} {months}";
    }

    private static string Relation(Comparison comparison) => comparison switch
    {
        Comparison.Greater => "above",
        Comparison.GreaterOrEqual => "at least",
        Comparison.Less => "below",
        _ => "at most",
    };
}
