using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Plotting;
using Simulation.Reporting;
using Simulation.Testing;

namespace Simulation.Reporting.Tests;

public class ReportTests
{
    private static readonly Lazy<MonteCarloResult> Result = new(() =>
        MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "3000"), ("months", "24")), new RunnerOptions { Threads = 2, SaveRuns = true }));

    private static int Count(string html, string pattern) => Regex.Matches(html, pattern).Count;

    [Fact]
    public void RunReport_HasScenarioHeadlineTableChartsParametersLimitsAndErrors()
    {
        var result = Result.Value;
        string html = Page(result);
        var peak = result.Of(Metric.PeakWorkers).Statistics;
        Assert.Contains("<h1>donbas-baseline</h1>", html);
        Assert.Contains("A 2022 retrospective (for a forecast from today, see forecast-2027-2031): ceasefire in about two years", html);
        Assert.Contains($"In 90% of runs between {NumberText.Count(peak.P5)} and {NumberText.Count(peak.P95)} workers are abroad at the peak", html);
        Assert.Contains("total, over the whole horizon", html);
        Assert.Contains("is one Monte Carlo standard error", html);
        Assert.Contains("<td>peak workers abroad</td>", html);
        Assert.Contains("seed 20220901", html);
        Assert.Contains("laborsim 1.0.0", html);
        Assert.Contains(" &#177; ", html);
        // Every chart is drawn but the permit channel's, 0 in every run and month (the baseline's permit route is
        // closed): it is named in a line instead.
        Assert.Equal(ResultPlotter.FileNamesFor(result).Count - 1, Count(html, "<img class=\"plot\""));
        Assert.Equal(ResultPlotter.FileNamesFor(result).Count - 1, Count(html, "src=\"data:image/svg\\+xml;base64,"));
        Assert.Contains("Not drawn here, being 0 in every run and month: Workers abroad on the permit channel at month end (fan_workers_permit.png).", html);
        foreach (var parameter in result.Scenario.Parameters())
        {
            Assert.Contains($"<td>{parameter.KeyPath}</td>", html);
        }
        foreach (string limit in ModelLimits.Items)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(limit), html);
        }
        for (int m = 0; m < OutputCatalogue.MetricCount; m++)
        {
            // A policy's signpost is reported only for a scenario that runs an adaptive policy; version 3's money only
            // where the scenario has money channels or paid contingents.
            if ((Metric)m is Metric.TriggerMonth or Metric.DeliveredRemittancesUsd or Metric.TotalContingentRevenueUsd)
            {
                Assert.DoesNotContain($"<td>{OutputCatalogue.Of((Metric)m).Label}</td>", html);
                continue;
            }
            Assert.Contains($">{OutputCatalogue.Of((Metric)m).Name}</td>", html);
            Assert.Contains($"<td>{OutputCatalogue.Of((Metric)m).Label}</td>", html);
        }
        Assert.DoesNotContain("PARTIAL", html);
        // Enforcement is said over all runs and over the runs that sent workers abroad, each with its own share.
        var abroad = result.Conditional.Single(c => c.Condition == RunCondition.WorkersAbroad);
        Assert.True(abroad.Runs < result.Runs);
        Assert.Contains($"in {NumberText.Percent(result.EnforcedByHorizon)} of all runs", html);
        Assert.Contains($"{NumberText.Percent(abroad.Metrics[(int)Metric.FirstEnforcementMonth].ShareObserved)} of the {abroad.Runs:N0} runs that sent workers abroad", html);
        Assert.DoesNotContain("upper bound", html);
    }

    [Fact]
    public void ThresholdSentence_NeverGivesAPlusMinusTheSketchsRangeContradicts()
    {
        // A point mass read from the sketch after a merge: anywhere from 0% to 100%, so no "87.5% ± 0.7".
        var open = new ThresholdProbability(Metric.PeakWorkers, new Simulation.Core.Summaries.ExceedanceProbability(1000, 0.875, 0, 1, 0.007, 2000));
        string said = RunReport.ThresholdSentence(open);
        Assert.Contains("lies between 0.0% and 100.0% over all 2,000 runs", said);
        Assert.DoesNotContain("±", said);
        // Counted exactly: the estimate and its standard error.
        var counted = new ThresholdProbability(Metric.PeakWorkers, Simulation.Core.Summaries.Exceedance.Counted(1000, 890, 20_000));
        Assert.Contains("= 4.5% ± 0.1 points", RunReport.ThresholdSentence(counted));
    }

    [Fact]
    public void RunReport_UnderALatinHypercube_SaysTheErrorIsAnUpperBound()
    {
        var result = MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "500"), ("months", "12")) with { Sampling = Simulation.Core.Sampling.SamplingMethod.LatinHypercube },
            new RunnerOptions { Threads = 1 });
        Assert.Contains("Under the Latin hypercube design", Page(result));
    }

    [Fact]
    public void Reports_AreSelfContained()
    {
        string html = Page(Result.Value);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("@import", html);
        Assert.Contains("<meta name=\"viewport\"", html);
        Assert.Contains("@media print", html);
    }

    /// <summary>
    /// Charts are drawn in parallel and Skia numbers clip paths from a process-wide counter: the same result must still
    /// give the same page, whatever was drawn before it and however the threads ran.
    /// </summary>
    [Fact]
    public void Render_SameResultTwice_SamePage()
    {
        string first = Page(Result.Value);
        string second = Page(Result.Value);
        Assert.Equal(first, second);
        Assert.Contains("clip-path", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Match(first, "base64,([A-Za-z0-9+/=]+)\"").Groups[1].Value)));
    }

    [Fact]
    public void Charts_AreSvg()
    {
        string html = Page(Result.Value);
        var first = Regex.Match(html, "base64,([A-Za-z0-9+/=]+)\"").Groups[1].Value;
        string svg = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(first));
        Assert.Contains("<svg", svg);
        Assert.Contains("Workers abroad", svg);
    }

    [Fact]
    public void AnalysisReports_RenderTheirTablesAndCharts()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "1000"), ("months", "12"));
        var comparison = ComparisonRunner.Run([scenario, scenario with { Name = "other" }], new ComparisonOptions { Threads = 2 });
        string compare = ReportText.WithoutLabels(ComparisonReport.Render(comparison, Drawn(ComparisonPlotter.Charts(comparison))));
        Assert.Equal(ComparisonPlotter.FileNames.Count, Count(compare, "<img class=\"plot\""));
        Assert.Contains("other − donbas-baseline", compare);
        Assert.Contains("Probabilities by the horizon", compare);
        Assert.Contains("P(enforcement hits the scheme by the horizon)", compare);
        Assert.Contains("<td class=\"num\">0.0 points &#177; 0.00</td>", compare);

        var tornado = TornadoAnalysis.Analyze(Result.Value.RunTable!, [Metric.PeakWorkers]);
        string sensitivity = ReportText.WithoutLabels(SensitivityReport.RenderTornado(Result.Value, [Metric.PeakWorkers], tornado,
            Drawn(SensitivityPlotter.TornadoCharts(Result.Value.Scenario, [Metric.PeakWorkers], tornado, m => Result.Value.Of(m).Statistics.Mean))));
        Assert.Equal(1, Count(sensitivity, "<img class=\"plot\""));
        Assert.Contains("<td>ceasefire.month</td>", sensitivity);
        // The headline names the input in words, not by its key.
        Assert.Contains("Peak workers abroad moves most with the ceasefire:", sensitivity);

        var sobol = ModelSobolAnalysis.Run(scenario, [Metric.PeakWorkers], 128, 10, 2);
        string indices = SensitivityReport.RenderSobol(scenario, sobol, Drawn(SensitivityPlotter.SobolCharts(scenario, sobol)));
        Assert.Contains("(model noise)", indices);
        Assert.Contains("Jansen", indices);

        var result = MonteCarloRunner.Run(scenario, new RunnerOptions());
        IReadOnlyList<(double, double, MonteCarloResult)> points = [(0, double.NaN, result), (1, double.NaN, result)];
        string sweep = ReportText.WithoutLabels(SweepReport.Render(scenario, [Metric.PeakWorkers], "enforcement.deterrence", null, points,
            Drawn(SweepPlotter.Charts(scenario.Name, [Metric.PeakWorkers], "enforcement.deterrence", null, points))));
        Assert.Equal(1, Count(sweep, "<img class=\"plot\""));
        // The swept lever shows the grid's values, not the file's.
        Assert.Contains("<td>enforcement.deterrence</td><td>swept: 0, 1</td>", sweep);
        // The grid's points as set: "1", not "1.00".
        Assert.Contains("<td>1</td>", sweep);
        Assert.DoesNotContain("<td>1.00</td>", sweep);
    }

    [Fact]
    public void PartialRun_IsFlaggedInTheReport()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var partial = MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "5000"), ("months", "12")),
            new RunnerOptions { Cancellation = cancelled.Token, KeepPartial = true });
        Assert.True(partial.IsPartial);
        Assert.Contains("PARTIAL: the run was interrupted", Page(partial));
    }

    private static IReadOnlyList<RenderedChart> Drawn(IReadOnlyList<NamedChart> charts) => ChartRendering.Render(charts, pngFolder: null);

    private static string Page(MonteCarloResult result) => ReportText.WithoutLabels(RunReport.Render(result, Drawn(ResultPlotter.Charts(result))));

    [Fact]
    public void Tables_OfThreeColumnsOrMore_BecomeACardPerRowOnAPhone_EachValueNamed()
    {
        string html = new HtmlReport("t").Table(["outcome", "median", "p95"], [["peak workers", "7,300", "25,600"]]).Table(["input", "share"], [["wage", "3%"]]).Render();
        Assert.Contains("<table class=\"stack\"><thead>", html);
        Assert.Contains("<td data-label=\"outcome\">peak workers</td><td class=\"num\" data-label=\"median\">7,300</td>", html);
        // Two columns fit a phone as they are.
        Assert.Contains("<div class=\"table\"><table><thead>", html);
        Assert.Contains("table.stack td[data-label]::before { content: attr(data-label)", html);
    }

    [Fact]
    public void ModelChoiceHeader_AVariantsDescription_DoesNotRepeatItsParents()
    {
        var parent = TestScenarios.Shipped("hindcast-russia-2018-2020");
        var variant = parent with { Name = "low", Description = $"Variant of {parent.Name}: changes supply.dispatch_per_month. {parent.Description}" };
        string text = ModelChoiceReport.Descriptions([parent, variant]);
        Assert.Equal($"{parent.Name}: {parent.Description} low: Variant of {parent.Name}: changes supply.dispatch_per_month.", text);
    }
}
