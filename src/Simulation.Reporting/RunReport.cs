using Simulation.Core;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Summaries;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of a run: scenario, headline in words, metrics with standard errors, every chart, parameters, limits.</summary>
public static class RunReport
{
    /// <summary>
    /// The page for <paramref name="result"/>; <paramref name="overrides"/> are the values changed on the command line
    /// (<c>--set</c>), which the title and the top of the page name, since the file's description no longer tells the whole story.
    /// </summary>
    public static string Render(MonteCarloResult result, IReadOnlyList<RenderedChart> charts, IReadOnlyList<string>? overrides = null, IReadOnlyList<ThresholdProbability>? thresholds = null,
        IReadOnlyList<Simulation.Core.Calibration.ObservationFit>? record = null)
    {
        thresholds ??= [];
        var s = result.Scenario;
        var end = s.Start.AddMonths(s.Months - 1);
        bool modified = overrides is { Count: > 0 };
        var report = new HtmlReport($"laborsim: {s.Name}{(modified ? " (modified)" : "")}")
            .Header(modified ? $"{s.Name}, modified on the command line" : s.Name, s.Description);
        if (modified)
        {
            report.Paragraph("The description above is the file's. These values were changed for this run, so where it disagrees with them, they hold: "
                + string.Join("; ", overrides!) + ". The assumptions table below shows the values used.", "warning");
        }
        report.Paragraph($"{result.Runs:N0} Monte Carlo runs of {s.Months} months, {s.Start} to {end}; seed {s.Seed}; laborsim {EngineInfo.Version}, model version {EngineInfo.ModelVersion}."
                + (result.IsPartial ? $" PARTIAL: the run was interrupted after {result.Runs:N0} of {result.PlannedRuns:N0} planned runs." : ""), "meta");

        report.Section("In short").List(Headlines(result, thresholds), "headline");

        report.Section("Outcomes").Table(
            ["outcome", "median", "p5", "p95", "mean ± se", "unit", "runs with it", "min", "max", "name in metrics.csv"],
            result.Metrics.Where(m => s.Reports(m.Metric))
                .Select(m => OutcomeRow(OutputCatalogue.Of(m.Metric), m.Statistics, OutputCatalogue.Of(m.Metric).Label, OutputCatalogue.Of(m.Metric).Name))
                .Concat(result.DestinationPeaks.Select(p => OutcomeRow(p.Series, p.Statistics, p.Label, p.Name))), textColumns: 1, caption: "Each metric over the runs; censored metrics (first enforcement, ceasefire) over the runs where the event happened."
                + (result.DestinationPeaks.Count > 0 ? " With destinations, the peak of each one's workers (peaks in different places may fall in different months)." : ""));
        report.Paragraph(NumberText.ErrorNote + " Means, minima and maxima are exact over the runs." + NumberText.DesignNote(s.Sampling), "note");
        if (result.Precision is { } precision)
        {
            report.Paragraph(PrecisionSentence(precision), precision.Met ? "note" : "warning");
        }

        if (record is { Count: > 0 })
        {
            Record(report, result, record);
        }
        Claims(report, result);
        Conditional(report, result);
        Annual(report, result);

        report.Section("Charts");
        report.Charts(charts);

        report.Section("Assumptions").Table(["parameter", "value or distribution (sampled once per run)", "unit", "meaning"],
            Parameters(s), textColumns: 4);
        MoneyChannels(report, s);
        InputDesign(report, s);
        report.Section("What the model leaves out").List(ModelLimits.Items);
        report.Paragraph($"Reproduce: laborsim run with this scenario and seed {s.Seed} gives these numbers on any machine and for any thread count. The model is described in docs/model.md of the laborsim repository.", "note");
        return report.Render();
    }

    /// <summary>
    /// The run's answer in sentences, with numbers to the precision the runs support, and the probability of each
    /// threshold asked for: the one text of a run's headline, in the report ("In short") and on the terminal.
    /// </summary>
    public static IEnumerable<string> Headlines(MonteCarloResult result, IReadOnlyList<ThresholdProbability> thresholds)
    {
        foreach (string sentence in Outcomes(result))
        {
            yield return sentence;
        }
        foreach (var threshold in thresholds)
        {
            yield return ThresholdSentence(threshold);
        }
        foreach (string sentence in ExpectationText.Headlines(ExpectationCheck.Evaluate(result), result.Scenario.Start))
        {
            yield return sentence;
        }
    }

    private static IEnumerable<string> Outcomes(MonteCarloResult result)
    {
        var s = result.Scenario;
        string end = s.Start.AddMonths(s.Months - 1).ToString();
        var peak = result.Of(Metric.PeakWorkers).Statistics;
        var money = result.Of(Metric.RemittancesUsd).Statistics;
        var first = result.Of(Metric.FirstEnforcementMonth);
        var ceasefire = result.Of(Metric.CeasefireMonth);
        string window = s.MetricsStart.Equals(s.Start) ? "" : $" from {s.MetricsStart}";
        yield return $"In 90% of runs between {NumberText.Count(peak.P5)} and {NumberText.Count(peak.P95)} workers are abroad at the peak{window} (median {NumberText.Count(peak.P50)}; mean {NumberText.WithError(peak, Metric.PeakWorkers)}).";
        yield return $"The sending state receives in total, {(s.MetricsStart.Equals(s.Start) ? "over the whole horizon" : "over the forecast")} from {s.MetricsStart} to {end}, between {NumberText.Money(money.P5)} and {NumberText.Money(money.P95)} in 90% of runs (median {NumberText.Money(money.P50)}; mean {NumberText.WithError(money, Metric.RemittancesUsd)}).";
        string rule = s.Enforcement.BeforeDeployment
            ? " (under model version 1's rule, enforcement can strike before any worker is deployed)"
            : " (enforcement strikes only once workers are abroad)";
        // Enforcement needs workers abroad (version 2's rule), so over all runs its share mixes in the runs that sent
        // nobody: both are said, each with what it is over.
        var abroad = result.Conditional.FirstOrDefault(c => c.Condition == RunCondition.WorkersAbroad);
        string amongAbroad = !s.Enforcement.BeforeDeployment && abroad is { Runs: > 0 } && abroad.Runs < result.Runs
            ? $", {NumberText.Percent(abroad.Metrics[(int)Metric.FirstEnforcementMonth].ShareObserved)} of the {abroad.Runs:N0} runs that sent workers abroad"
            : "";
        yield return $"Sanctions enforcement hits the scheme by {end} in {NumberText.Percent(result.EnforcedByHorizon)} of all runs (± {NumberText.Points(result.EnforcedByHorizonSe)} points){amongAbroad}{rule}"
            + (first.Statistics.Count > 0 ? $"; when it does, the first event comes in {s.Start.AddMonths((int)first.Statistics.P50)} (median)." : ".");
        // A scenario whose war never ends (ceasefire.never fixed at 1) has no ceasefire to report: the line would say nothing.
        var never = s.Ceasefire.NeverProbability;
        if (!(never.IsFixed && never.Mean >= 1))
        {
            yield return $"A ceasefire comes by {end} in {NumberText.Percent(result.CeasefireByHorizon)} of runs (± {NumberText.Points(result.CeasefireByHorizonSe)} points)"
                + (ceasefire.Statistics.Count > 0 ? $"; its median month is {s.Start.AddMonths((int)ceasefire.Statistics.P50)}." : ".");
        }
    }

    /// <summary>One row of the outcomes table: a metric, or a destination's peak read in its series' unit and kind.</summary>
    private static IReadOnlyList<string> OutcomeRow(OutputDefinition output, SummaryStatistics statistics, string label, string name) =>
    [
        // The median first: on a phone only the first number beside the outcome is in view.
        label, NumberText.Of(statistics.P50, output.Kind), NumberText.Of(statistics.P5, output.Kind), NumberText.Of(statistics.P95, output.Kind),
        NumberText.WithError(statistics.Mean, statistics.Se, output.Kind), output.Unit, $"{statistics.Count:N0}",
        NumberText.Of(statistics.Min, output.Kind), NumberText.Of(statistics.Max, output.Kind), name,
    ];

    /// <summary>"The record: 9 of 12 observations lie in the runs' 90% band (and 2 more once their own errors are counted)."</summary>
    public static string RecordSentence(IReadOnlyList<Simulation.Core.Calibration.ObservationFit> record)
    {
        int inside = record.Count(f => f.InsideBand90);
        int meeting = record.Count(f => !f.InsideBand90 && f.ErrorIntervalMeetsBand90);
        return $"The record: {inside} of {record.Count} observations lie in the runs' 90% band"
            + (meeting > 0 ? $" (and {meeting} more once their own 90% error intervals are counted)." : ".");
    }

    private static void Record(HtmlReport report, MonteCarloResult result, IReadOnlyList<Simulation.Core.Calibration.ObservationFit> record)
    {
        var s = result.Scenario;
        report.Section("Against the record").Paragraph(RecordSentence(record)
            + " The runs' band is the 5th to 95th percentile of each observation's model value (a stock at the end of its period, a flow summed over it) over the first "
            + $"{Math.Min(result.Runs, RecordRuns):N0} runs; a bound is met when the runs' band reaches its allowed side. The charts below draw each observed series with the record on it.");
        report.Table(["series", "period", "observed", "runs' 90% band", "median", "in the band", "source"],
            record.Select(f => (IReadOnlyList<string>)
            [
                s.SeriesDefinitions().FirstOrDefault(d => d.Name == f.Observation.Series)?.Label ?? f.Observation.Series, f.Observation.Period,
                (f.Observation.ErrorKind switch
                {
                    Simulation.Core.Calibration.ObservationErrorKind.Upper => "at most ",
                    Simulation.Core.Calibration.ObservationErrorKind.Lower => "at least ",
                    _ => "",
                }) + NumberText.Count(f.Observation.Value),
                $"{NumberText.Count(f.P5)} to {NumberText.Count(f.P95)}", NumberText.Count(f.P50), f.InsideBand90 ? "yes" : f.ErrorIntervalMeetsBand90 ? "within its error" : "no", f.Observation.Source,
            ]), textColumns: 2);
    }

    private static void MoneyChannels(HtmlReport report, Scenario s)
    {
        if (s.MoneyChannels.Count == 0)
        {
            return;
        }
        report.Paragraph("How the state's revenue reaches it (money_channels): each channel's share arrives less its fee while it is open; a closed channel's share goes to its substitute, less that channel's fee, or is lost.", "note");
        report.Table(["money channel", "share", "fee", "open", "when closed, its share goes to", "reached by financial designations"],
            s.MoneyChannels.Select(c => (IReadOnlyList<string>)
            [
                c.Name, c.Share.ToString(), c.Fee.ToString(), c.Open.ToString(), c.SubstituteTo ?? "nowhere (lost)",
                c.InKind ? "no (in kind)" : "yes",
            ]), textColumns: 6);
    }

    private static void Claims(HtmlReport report, MonteCarloResult result)
    {
        var outcomes = ExpectationCheck.Evaluate(result);
        if (outcomes.Count == 0)
        {
            return;
        }
        var start = result.Scenario.Start;
        report.Section("What the file claims").Paragraph(
            "The scenario file states these claims about its own results (expect:); each is checked on these runs. A claim that does not hold means the file's words and its numbers disagree: one of them needs changing.");
        report.Table(["the file says", "measured as", "these runs give", "the file's range", "holds"],
            outcomes.Select(o => (IReadOnlyList<string>)
            [
                o.Expectation.Says, ExpectationText.Quantity(o.Expectation), ExpectationText.Value(o, start), ExpectationText.Range(o.Expectation, start),
                o.Holds ? (o.NearEdge ? "yes (within 2 standard errors of an end)" : "yes") : "no",
            ]), textColumns: 5);
    }

    /// <summary>Runs the record is compared over: enough for percentiles to a few parts in a thousand, and quick.</summary>
    public const int RecordRuns = 20_000;

    /// <summary>"P(total remittances &gt; $1.00B) = 23.4% ± 0.4 points (one standard error)", with the sketch's resolution when it matters.</summary>
    public static string ThresholdSentence(ThresholdProbability threshold)
    {
        var definition = OutputCatalogue.Of(threshold.Metric);
        var p = threshold.Probability;
        if (p.Upper - p.Lower > p.StandardError / 2)
        {
            // The bucket around the threshold leaves more open than the Monte Carlo error: a ± would claim a precision
            // the range contradicts (87.5% ± 0.7 where the truth is anywhere from 0% to 100%), so only the range is said.
            return $"P({definition.Label} > {NumberText.Of(p.Threshold, definition.Kind)}) lies between {NumberText.Percent(p.Lower)} and {NumberText.Percent(p.Upper)} "
                + $"over all {p.Runs:N0} runs{(definition.Censored ? " (runs where it never happened count as not above)" : "")}: the quantile sketch knows values to within 1/128, "
                + "and the threshold falls among runs it cannot tell apart; give the threshold to the run (--threshold) to count it exactly.";
        }
        string sentence = $"P({definition.Label} > {NumberText.Of(p.Threshold, definition.Kind)}) = {NumberText.Percent(p.Probability)} ± {NumberText.Points(p.StandardError)} points (one standard error, over all {p.Runs:N0} runs"
            + (definition.Censored ? "; runs where it never happened count as not above" : "") + ")";
        return sentence + ".";
    }

    private static void Conditional(HtmlReport report, MonteCarloResult result)
    {
        if (result.Conditional.Count == 0)
        {
            return;
        }
        report.Section("Given a ceasefire, given any deployment");
        report.Paragraph("The same outcomes over the runs where the ceasefire came within the horizon (\"ceasefire came\"), and over the runs that sent anyone abroad (\"anyone deployed\"), beside all runs: "
            + "runs that deploy nobody give 0 workers and $0, which pull the unconditional medians down without saying so.", "note");
        Metric[] shown = [Metric.PeakWorkers, Metric.RemittancesUsd, Metric.TotalDeployed, Metric.WorkerMonths];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var metric in shown)
        {
            var all = result.Of(metric).Statistics;
            rows.Add([OutputCatalogue.Of(metric).Label, "all runs", $"{result.Runs:N0}", NumberText.Of(all.P5, metric), NumberText.Of(all.P50, metric), NumberText.Of(all.P95, metric), NumberText.WithError(all, metric)]);
            foreach (var condition in result.Conditional)
            {
                var s = condition.Metrics[(int)metric].Statistics;
                rows.Add(["", condition.ShortLabel, $"{condition.Runs:N0} ({NumberText.Percent(condition.Share)})", NumberText.Of(s.P5, metric), NumberText.Of(s.P50, metric), NumberText.Of(s.P95, metric), NumberText.WithError(s, metric)]);
            }
        }
        report.Table(["outcome", "over", "runs", "p5", "median", "p95", "mean ± se"], rows, textColumns: 2,
            caption: "Each outcome over all runs and under each condition; a dash where no run meets the condition.");
    }

    private static void Annual(HtmlReport report, MonteCarloResult result)
    {
        if (result.AnnualRemittances.Count == 0)
        {
            return;
        }
        report.Section("Remittances per calendar year");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var year in result.AnnualRemittances)
        {
            var s = year.Statistics;
            string label = year.IsPartial ? $"{year.Year} ({year.First} to {year.Last} only)" : $"{year.Year}";
            rows.Add([label, NumberText.Of(s.P5, Metric.RemittancesUsd), NumberText.Of(s.P50, Metric.RemittancesUsd), NumberText.Of(s.P95, Metric.RemittancesUsd), NumberText.WithError(s, Metric.RemittancesUsd)]);
        }
        report.Table(["year", "p5", "median", "p95", "mean ± se"], rows, textColumns: 1,
            caption: "Money reaching the sending state within each calendar year, over all runs, to set beside annual figures in the public record; partial years at the ends of the horizon are marked.");
    }

    /// <summary>How the runs spread the inputs, and the correlations asked for and used.</summary>
    internal static void InputDesign(HtmlReport report, Scenario scenario)
    {
        string design = scenario.Sampling switch
        {
            Simulation.Core.Sampling.SamplingMethod.LatinHypercube => "a Latin hypercube: each input's range is cut into as many equally likely strata as runs, and each stratum is used by exactly one run",
            Simulation.Core.Sampling.SamplingMethod.Sobol => "Owen-scrambled Sobol' points (Joe-Kuo direction numbers): quasi-random inputs that fill their space more evenly than independent draws",
            _ => "independent Monte Carlo draws, each input from its own random stream",
        };
        report.Paragraph($"Inputs are spread by {design}.", "note");
        if (scenario.Copula() is not { } copula)
        {
            return;
        }
        var rows = new List<IReadOnlyList<string>>();
        for (int i = 0; i < copula.Names.Length; i++)
        {
            for (int j = i + 1; j < copula.Names.Length; j++)
            {
                if (copula.Requested[i, j] != 0 || copula.Used[i, j] != 0)
                {
                    rows.Add([copula.Names[i], copula.Names[j], Rho(copula.Requested[i, j]), Rho(copula.Used[i, j])]);
                }
            }
        }
        report.Table(["input", "with", "rank correlation asked for", "used"], rows, textColumns: 2,
            caption: copula.IsRepaired
                ? $"The correlations asked for are not possible together (smallest eigenvalue {copula.SmallestEigenvalue:0.000}); the nearest valid matrix (Higham 2002) was used. Drawn through a Gaussian copula: each input keeps its own distribution."
                : "Drawn through a Gaussian copula: each input keeps its own distribution, and the achieved rank correlation equals the one asked for.");
    }

    private static string Rho(double value) => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"The 95% interval of the mean of X is within ±0.98% of the mean (relative; target 1%): met."</summary>
    public static string PrecisionSentence(PrecisionReport precision)
    {
        string quantity = precision.Target.Quantity;
        bool relative = OutputCatalogue.TryParseMetric(quantity, out var metric);
        string what = relative ? $"the mean of {OutputCatalogue.Of(metric).Label}" : OutputCatalogue.Probabilities.First(p => p.Name == quantity).Label;
        string achieved = relative
            ? $"±{100 * precision.AchievedHalfWidth:0.00}% of the mean (a relative half-width; target {100 * precision.Target.HalfWidth:0.##}%)"
            : $"±{100 * precision.AchievedHalfWidth:0.00} percentage points (target {100 * precision.Target.HalfWidth:0.##})";
        return $"Precision: the 95% interval of {what} is {achieved}: " + (precision.Met ? "met." : "NOT met; the run stopped at --max-runs.");
    }

    /// <summary>The posterior's weighted 5% to 95% range of one calibrated input, in words.</summary>
    private static string PosteriorRange(Scenario scenario, PosteriorSample posterior, string keyPath)
    {
        int column = posterior.KeyPaths.ToList().IndexOf(keyPath);
        var values = new double[posterior.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = posterior.Value(i, column);
        }
        return InputWords.Range(scenario, keyPath, Simulation.Core.Calibration.WeightedStatistics.Quantile(values, posterior.Weights, 0.05),
            Simulation.Core.Calibration.WeightedStatistics.Quantile(values, posterior.Weights, 0.95));
    }

    internal static IEnumerable<IReadOnlyList<string>> Parameters(Scenario scenario)
    {
        foreach (var parameter in scenario.Parameters())
        {
            var definition = parameter.Definition;
            string meaning = parameter.From is { } from ? $"{definition.Meaning} (from {from})" : definition.Meaning;
            string value = scenario.Posterior is { } posterior && posterior.KeyPaths.Contains(parameter.KeyPath)
                ? $"calibrated: {PosteriorRange(scenario, posterior, parameter.KeyPath)} (90% of the posterior's weight), drawn jointly from {posterior.Count:N0} particles; prior {parameter.Distribution}"
                : parameter.Distribution.ToString();
            yield return [parameter.KeyPath, value, definition.Unit, meaning];
        }
    }
}
