using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;

namespace Simulation.Core.Tests.Model;

/// <summary>
/// ceasefire.not_before conditions the draws on no ceasefire before a month. An exponential ceasefire month is
/// memoryless: given none before m, the month less m is again exponential with the same mean, and "never" has
/// probability q / (q + (1 - q) exp(-m / mean)).
/// </summary>
public sealed class CeasefireConditionTests
{
    private const double Mean = 12, Never = 0.2;
    private const int NotBefore = 12;

    private static Scenario Conditioned(int runs) => TestScenarios.Quiet(months: 1200, runs: runs) with
    {
        Ceasefire = new CeasefireAssumptions(InputDistribution.Exponential(Mean), InputDistribution.Fixed(Never)) { NotBefore = new YearMonth(2025, 1).AddMonths(NotBefore) },
    };

    [Fact]
    public void ExponentialCeasefire_GivenNoneBeforeM_IsMShiftedExponential_AndNeverRisesAsBayesSays()
    {
        const int runs = 40_000;
        var result = MonteCarloRunner.Run(Conditioned(runs), new RunnerOptions { Threads = 2, SaveRuns = true });
        var table = result.RunTable!;
        int column = table.InputNames.Count + (int)Metric.CeasefireMonth;
        var months = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            double month = table.Row(r)[column];
            if (!double.IsNaN(month))
            {
                months.Add(month);
            }
        }
        double neverGivenNone = Never / (Never + (1 - Never) * Math.Exp(-NotBefore / Mean));
        StatisticalAssert.ShareNear(neverGivenNone, 1 - (double)months.Count / runs, runs, "no ceasefire at all, given none before month 12");
        Assert.True(months.Min() >= NotBefore, $"a ceasefire came in month {months.Min()}, before {NotBefore}");
        // The month is the draw floored: floor(m + E) for E exponential of mean 12 has mean m + 1 / (exp(1 / 12) - 1).
        double floorMean = NotBefore + 1 / (Math.Exp(1 / Mean) - 1);
        double floorSd = Math.Sqrt(Math.Exp(1 / Mean)) / (Math.Exp(1 / Mean) - 1);
        StatisticalAssert.Near(floorMean, months.Average(), floorSd / Math.Sqrt(months.Count), "mean ceasefire month given none before 12");
    }

    [Fact]
    public void NotBeforeAtTheStart_ChangesNothing()
    {
        var plain = TestScenarios.Quiet(months: 120, runs: 2000) with
        {
            Ceasefire = new CeasefireAssumptions(InputDistribution.Exponential(Mean), InputDistribution.Fixed(Never)),
        };
        var atStart = plain with { Ceasefire = plain.Ceasefire with { NotBefore = plain.Start } };
        var a = MonteCarloRunner.Run(plain, new RunnerOptions { Threads = 1 });
        var b = MonteCarloRunner.Run(atStart, new RunnerOptions { Threads = 1 });
        Assert.Equal(a.Of(Metric.CeasefireMonth).Statistics.Mean, b.Of(Metric.CeasefireMonth).Statistics.Mean);
    }
}
