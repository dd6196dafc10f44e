using Simulation.Core.Catalogue;
using Simulation.Core.Discovery;
using Simulation.Plotting;
using Simulation.Testing;

namespace Simulation.Plotting.Tests;

/// <summary>Inputs, limits and conditions in words, with months as calendar months: what readers of charts and reports see instead of key paths.</summary>
public sealed class WordsTests
{
    // donbas-baseline starts in 2022-09: month index t is 2022-09 plus t months.
    private static readonly Simulation.Core.Model.Scenario Baseline = TestScenarios.Shipped("donbas-baseline");

    [Theory]
    [InlineData(Comparison.Less, 24, "ceasefire by 2024-08", 23, 24)]
    [InlineData(Comparison.Less, 23.5, "ceasefire by 2024-08", 23, 24)]
    [InlineData(Comparison.LessOrEqual, 24, "ceasefire by 2024-09", 24, 25)]
    [InlineData(Comparison.Greater, 24, "ceasefire from 2024-10", 25, 24)]
    [InlineData(Comparison.GreaterOrEqual, 24, "ceasefire from 2024-09", 24, 23)]
    [InlineData(Comparison.GreaterOrEqual, 23.5, "ceasefire from 2024-09", 24, 23)]
    public void MonthIndexClause_NamesTheLastOrFirstMonthThatMeetsIt(Comparison comparison, double value, string words, int named, int beyond)
    {
        var clause = new OutcomeClause(Metric.CeasefireMonth, comparison, value);
        Assert.Equal(words, ConditionWords.Of(clause, Baseline));
        // The month named meets the clause; the next one past it does not.
        Assert.EndsWith(Baseline.Start.AddMonths(named).ToString(), words);
        Assert.True(clause.Holds(named));
        Assert.False(clause.Holds(beyond));
    }

    [Fact]
    public void Condition_InWords_WithUnitsAndRoundAmounts()
    {
        var condition = new OutcomeCondition(
        [
            new OutcomeClause(Metric.RemittancesUsd, Comparison.Less, 1e9),
            new OutcomeClause(Metric.PeakWorkers, Comparison.GreaterOrEqual, 30000),
        ]);
        Assert.Equal("remittances, total over the horizon below $1B and peak workers abroad at least 30,000", ConditionWords.Of(condition, Baseline));
    }

    [Fact]
    public void Limit_OfAMonthInput_IsACalendarMonth_OfAnAmount_ANumberWithItsUnit()
    {
        var data = new PrimData(["ceasefire.month", "supply.dispatch_per_month", "ceasefire.never"],
            [[0, 10, 20, 30], [500, 1000, 2000, 3000], [0, 0, 1, 1]], [true, true, false, false]);
        Assert.Equal("the ceasefire comes before 2023-07", InputWords.Limit(Baseline, data, 0, 0, 10.4, 0, 30));
        Assert.Equal("the ceasefire comes between 2023-07 and 2024-03", InputWords.Limit(Baseline, data, 0, 10, 18, 0, 30));
        Assert.Equal("dispatch is above 1,000 workers / month", InputWords.Limit(Baseline, data, 1, 1000, 3000, 500, 3000));
        Assert.Equal("a ceasefire comes sometime (perhaps after the horizon)", InputWords.Limit(Baseline, data, 2, 0, 0.5, 0, 1));
        Assert.Equal("no ceasefire comes at all", InputWords.Limit(Baseline, data, 2, 0.5, 1, 0, 1));
        // Without the scenario (runs read from a bare folder) the key path is all there is.
        Assert.Equal("supply.dispatch_per_month is above 1,000", InputWords.Limit(null, data, 1, 1000, 3000, 500, 3000));
    }

    [Fact]
    public void Range_OfAMonthInput_InCalendarMonths()
    {
        Assert.Equal("2022-09 to 2024-09", InputWords.Range(Baseline, "ceasefire.month", 0, 24.7));
        Assert.Equal("501 to 3,000 workers / month", InputWords.Range(Baseline, "supply.dispatch_per_month", 501, 3000));
        Assert.Equal("501 to 3,000", InputWords.Range(Baseline, "supply.dispatch_per_month", 501, 3000, unit: false));
    }

    [Fact]
    public void Signpost_InWords_SumsAFlowAndHoldsAStock()
    {
        var policies = TestScenarios.Shipped("policies-2027");
        Assert.Equal("arrivals (study) above 6,000 in total over 3 months",
            ConditionWords.Of(new Simulation.Core.Model.PolicyTrigger("arrivals.study", Comparison.Greater, 6000, 3), policies));
        Assert.Equal("workers abroad at least 20,000 in each of 2 months",
            ConditionWords.Of(new Simulation.Core.Model.PolicyTrigger("workers", Comparison.GreaterOrEqual, 20000, 2), policies));
    }

    [Theory]
    [InlineData("close-study-route", '-', 16, "close-study-\nroute")]
    [InlineData("status-quo", '-', 16, "status-quo")]
    [InlineData("peak reconstruction demand", ' ', 24, "peak reconstruction\ndemand")]
    [InlineData("channels.study.contract_months", '.', 24, "channels.study.\ncontract_months")]
    [InlineData("averyveryverylongsinglewordwithoutbreaks", ' ', 10, "averyveryverylongsinglewordwithoutbreaks")]
    public void LabelWrap_BreaksAtTheSeparator_KeepingVisibleOnes(string text, char at, int width, string expected) =>
        Assert.Equal(expected, LabelWrap.Lines(text, at, width));

    [Theory]
    [InlineData(-0.0003, 3, "0.000")]
    [InlineData(-0.0006, 3, "-0.001")]
    [InlineData(0.1234, 3, "0.123")]
    [InlineData(-0.004, 2, "0.00")]
    [InlineData(double.NaN, 3, "—")]
    public void SensitivityIndex_NeverNegativeZero(double value, int decimals, string expected) => Assert.Equal(expected, NumberText.Index(value, decimals));

    [Fact]
    public void FirstOrder_AboveTheTotal_ShownAtTheTotal()
    {
        Assert.Equal(0.01, NumberText.FirstOrderShown(0.03, 0.01));
        Assert.Equal(0.2, NumberText.FirstOrderShown(0.2, 0.5));
    }

    [Theory]
    [InlineData(0.0, "< 1e-10")]
    [InlineData(3e-12, "< 1e-10")]
    [InlineData(2.5e-7, "2.5e-7")]
    [InlineData(0.0123, "0.012")]
    public void QuasiPValue_BelowOneInTenBillion_PrintsAsABound(double p, string expected) => Assert.Equal(expected, DiscoveryPlotter.PValue(p));

    [Fact]
    public void DesignNote_SaysTheStandardErrorIsAnUpperBound_OnlyUnderADesign()
    {
        Assert.Equal("", NumberText.DesignNote(Simulation.Core.Sampling.SamplingMethod.MonteCarlo));
        Assert.Contains("overstates its error; read it as an upper bound", NumberText.DesignNote(Simulation.Core.Sampling.SamplingMethod.LatinHypercube));
        Assert.Contains("Sobol' design", NumberText.DesignNote(Simulation.Core.Sampling.SamplingMethod.Sobol));
    }
}
