using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;

namespace Simulation.Core.Tests.Model;

/// <summary>forecast_from: the runs pass through the record's months unchanged, and their totals and peaks count from the forecast's first month.</summary>
public sealed class ForecastFromTests
{
    private static InputDistribution F(double value) => InputDistribution.Fixed(value);

    [Fact]
    public void ConstantStock_TotalsCountFromTheForecastsFirstMonth_AndTheMonthsAreUnchanged()
    {
        // 1,000 workers who never leave, paid 70,000 at 90 per USD, the state taking 80%: each month brings exactly
        // 1,000 x 70,000 / 90 x 0.8; over 24 months with the forecast from month 10, 14 months count.
        const long workers = 1000;
        var quiet = TestScenarios.Quiet(months: 24, runs: 50) with { Supply = new SupplyAssumptions(F(0), F(1e9), F(workers)) };
        var forecast = quiet with { ForecastFrom = quiet.Start.AddMonths(10) };
        var all = MonteCarloRunner.Run(quiet, new RunnerOptions { Threads = 1 });
        var counted = MonteCarloRunner.Run(forecast, new RunnerOptions { Threads = 1 });
        double monthly = workers * 70000.0 / 90 * 0.8;
        Assert.Equal(24 * monthly, all.Of(Metric.RemittancesUsd).Statistics.Mean, 6);
        Assert.Equal(14 * monthly, counted.Of(Metric.RemittancesUsd).Statistics.Mean, 6);
        Assert.Equal(14 * workers, counted.Of(Metric.WorkerMonths).Statistics.Mean);
        Assert.Equal(workers, counted.Of(Metric.PeakWorkers).Statistics.Mean);
        // The series, month by month, are the same runs: forecast_from changes what is counted, not what happens.
        Assert.Equal(all.SeriesByMonth[(int)Series.RemittancesUsd].Select(m => m.Mean), counted.SeriesByMonth[(int)Series.RemittancesUsd].Select(m => m.Mean));
        Assert.Equal(forecast.Start.AddMonths(10), forecast.MetricsStart);
        Assert.Equal(quiet.Start, quiet.MetricsStart);
    }
}
