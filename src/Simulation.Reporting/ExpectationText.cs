using System.Globalization;
using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>The claims of a scenario file (<c>expect:</c>) and what the runs gave, in words.</summary>
public static class ExpectationText
{
    /// <summary>"The file's claims: 3 of 3 hold." and one sentence per claim that does not.</summary>
    public static IEnumerable<string> Headlines(IReadOnlyList<ExpectationOutcome> outcomes, YearMonth start)
    {
        if (outcomes.Count == 0)
        {
            yield break;
        }
        int holding = outcomes.Count(o => o.Holds);
        yield return $"The file's claims (expect:): {holding} of {outcomes.Count} {(holding == 1 ? "holds" : "hold")} in these runs.";
        foreach (var outcome in outcomes.Where(o => !o.Holds))
        {
            yield return $"Does not hold: \"{outcome.Expectation.Says}\": {Quantity(outcome.Expectation)} is {Value(outcome, start)}, the file says {Range(outcome.Expectation, start)}.";
        }
    }

    /// <summary>What the claim measures, in words ("the median of the ceasefire month").</summary>
    public static string Quantity(Expectation claim) => claim.Quantity switch
    {
        ExpectedQuantity.Mean or ExpectedQuantity.Median => Statistic(claim),
        ExpectedQuantity.ByHorizon => OutputCatalogue.Of(claim.Probability).Label,
        _ => $"the share of runs with {OutputCatalogue.Of(claim.Metric).Label} above {NumberText.Of(claim.Above, claim.Metric)}",
    };

    // "the median month of the ceasefire (runs with one)", "the mean of peak workers abroad over the horizon".
    private static string Statistic(Expectation claim)
    {
        var metric = OutputCatalogue.Of(claim.Metric);
        string statistic = claim.Quantity == ExpectedQuantity.Mean ? "mean" : "median";
        string title = char.ToLowerInvariant(metric.Title[0]) + metric.Title[1..];
        return metric.Kind == OutputKind.MonthIndex
            ? $"the {statistic} {title} (over the runs in which it came)"
            : $"the {statistic} of {title}";
    }

    /// <summary>What the runs gave, with its standard error where it has one.</summary>
    public static string Value(ExpectationOutcome outcome, YearMonth start)
    {
        var claim = outcome.Expectation;
        string value = IsShare(claim) ? NumberText.Percent(outcome.Estimate) : Format(outcome.Estimate, claim, start);
        if (double.IsNaN(outcome.Estimate))
        {
            return "undefined (it never happened in these runs)";
        }
        if (outcome.StandardError > 0)
        {
            value += IsShare(claim)
                ? $" ± {NumberText.Points(outcome.StandardError)} points"
                : $" ± {Format(outcome.StandardError, claim, start, error: true)}";
        }
        return value;
    }

    /// <summary>The range the file claims ("2024-03 to 2025-03", "0% to 5.0%").</summary>
    public static string Range(Expectation claim, YearMonth start) =>
        $"{Format(claim.Low, claim, start)} to {Format(claim.High, claim, start)}";

    private static bool IsShare(Expectation claim) => claim.Quantity is ExpectedQuantity.ByHorizon or ExpectedQuantity.ShareAbove;

    private static string Format(double value, Expectation claim, YearMonth start, bool error = false)
    {
        if (IsShare(claim))
        {
            return NumberText.PercentAsGiven(Math.Round(value, 4));
        }
        if (OutputCatalogue.Of(claim.Metric).Kind == OutputKind.MonthIndex)
        {
            return error || Math.Abs(value) > 12_000
                ? value.ToString("0.#", CultureInfo.InvariantCulture) + " months"
                : start.AddMonths((int)Math.Round(value)).ToString();
        }
        return NumberText.Of(value, claim.Metric);
    }
}
