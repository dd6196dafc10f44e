using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;

namespace Simulation.Core.Tests.MonteCarlo;

public class ConditionalAndAnnualTests
{
    private static readonly MonteCarloResult Result = MonteCarloRunner.Run(
        TestScenarios.Shipped("donbas-baseline", ("runs", "4000")), new RunnerOptions { Threads = 2, SaveRuns = true });

    [Fact]
    public void Layout_CalendarYearsOfTheHorizon()
    {
        var layout = new SummaryLayout(3, new YearMonth(2022, 9), 60);
        Assert.Equal(6, layout.Years);
        Assert.Equal((new YearMonth(2022, 9), new YearMonth(2022, 12)), layout.MonthsOfYear(0));
        Assert.Equal((new YearMonth(2023, 1), new YearMonth(2023, 12)), layout.MonthsOfYear(1));
        Assert.Equal((new YearMonth(2027, 1), new YearMonth(2027, 8)), layout.MonthsOfYear(5));
        Assert.Equal(1, new SummaryLayout(3, new YearMonth(2024, 1), 12).Years);
        Assert.Equal(2, new SummaryLayout(3, new YearMonth(2024, 12), 2).Years);
    }

    [Fact]
    public void Annual_SumsAddUpToTheTotalInEveryRun()
    {
        // The mean of the annual sums adds up to the mean total exactly (up to rounding), and every annual sum lies within [0, max total].
        double sum = Result.AnnualRemittances.Sum(y => y.Statistics.Mean);
        var total = Result.Of(Metric.RemittancesUsd).Statistics;
        Assert.Equal(total.Mean, sum, 1e-9 * total.Mean);
        Assert.Equal(6, Result.AnnualRemittances.Count);
        Assert.True(Result.AnnualRemittances[0].IsPartial);
        Assert.False(Result.AnnualRemittances[1].IsPartial);
        Assert.All(Result.AnnualRemittances, y => Assert.InRange(y.Statistics.Max, 0, total.Max));
    }

    [Fact]
    public void Annual_OneRunByHand_MatchesItsMonthlySeries()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "1"), ("seed", "11"));
        var (months, _, _) = Simulation.Core.Tests.Model.RecordingSink.Run(scenario, 0);
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 1 });
        for (int y = 0; y < result.AnnualRemittances.Count; y++)
        {
            var (first, last) = (result.AnnualRemittances[y].First, result.AnnualRemittances[y].Last);
            double expected = 0;
            for (int t = 0; t < scenario.Months; t++)
            {
                var month = scenario.Start.AddMonths(t);
                if (month.CompareTo(first) >= 0 && month.CompareTo(last) <= 0)
                {
                    expected += months[t].Values[(int)Series.RemittancesUsd];
                }
            }
            Assert.Equal(expected, result.AnnualRemittances[y].Statistics.Mean, 1e-6 * Math.Max(1, expected));
        }
    }

    [Fact]
    public void Conditional_CountsAndMediansMatchTheRunTable()
    {
        var table = Result.RunTable!;
        int peak = table.InputNames.Count + (int)Metric.PeakWorkers;
        int money = table.InputNames.Count + (int)Metric.RemittancesUsd;
        int ceasefire = table.InputNames.Count + (int)Metric.CeasefireMonth;
        var abroad = new List<double>();
        long ceasefires = 0;
        for (long r = 0; r < table.Runs; r++)
        {
            var row = table.Row(r);
            if (row[peak] > 0)
            {
                abroad.Add(row[money]);
            }
            if (!double.IsNaN(row[ceasefire]))
            {
                ceasefires++;
            }
        }
        var byCondition = Result.Conditional.ToDictionary(c => c.Condition);
        Assert.Equal(abroad.Count, byCondition[RunCondition.WorkersAbroad].Runs);
        Assert.Equal(ceasefires, byCondition[RunCondition.CeasefireCame].Runs);
        Assert.Equal(Result.CeasefireByHorizon, byCondition[RunCondition.CeasefireCame].Share, 12);
        Assert.True(abroad.Count < table.Runs, "the test needs runs that deploy nobody");

        abroad.Sort();
        double median = abroad[(int)Math.Ceiling(0.5 * abroad.Count) - 1];
        double reported = byCondition[RunCondition.WorkersAbroad].Metrics[(int)Metric.RemittancesUsd].Statistics.P50;
        // The sketch reports the bucket's lower edge: at most 1/128 below the exact order statistic.
        Assert.InRange(reported, median / (1 + Simulation.Core.Summaries.QuantileSketch.RelativeAccuracy), median);
        Assert.Equal(abroad.Average(), byCondition[RunCondition.WorkersAbroad].Metrics[(int)Metric.RemittancesUsd].Statistics.Mean, 1e-9 * abroad.Average());
        Assert.True(reported > Result.Of(Metric.RemittancesUsd).Statistics.P50);
    }

    [Fact]
    public void Conditional_AnyThreadCount_Identical()
    {
        var scenario = TestScenarios.Shipped("hindcast-russia-2018-2020", ("runs", "3000"));
        var one = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 1 });
        var three = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 3 });
        for (int c = 0; c < one.Conditional.Count; c++)
        {
            Assert.Equal(one.Conditional[c].Runs, three.Conditional[c].Runs);
            Assert.Equal(one.Conditional[c].Metrics.Select(m => m.Statistics), three.Conditional[c].Metrics.Select(m => m.Statistics));
        }
        Assert.Equal(one.AnnualRemittances.Select(y => y.Statistics), three.AnnualRemittances.Select(y => y.Statistics));
    }

    [Fact]
    public void RunTable_CarriesTheNoCeasefireDraw()
    {
        var table = Result.RunTable!;
        int never = table.InputNames.ToList().IndexOf("ceasefire.never");
        int month = table.InputNames.ToList().IndexOf("ceasefire.month");
        int ceasefire = table.InputNames.Count + (int)Metric.CeasefireMonth;
        Assert.True(never >= 0 && month >= 0);
        long nevers = 0;
        for (long r = 0; r < table.Runs; r++)
        {
            var row = table.Row(r);
            Assert.True(row[never] is 0 or 1);
            if (row[never] == 1)
            {
                nevers++;
                Assert.True(double.IsNaN(row[ceasefire]));
            }
            else if (row[month] < Result.Months)
            {
                Assert.Equal(Math.Max(0, Math.Floor(row[month])), row[ceasefire]);
            }
            else
            {
                Assert.True(double.IsNaN(row[ceasefire]));
            }
        }
        Assert.True(nevers > 0);
    }
}
