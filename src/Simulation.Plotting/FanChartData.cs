using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Summaries;

namespace Simulation.Plotting;

/// <summary>The numbers behind a fan chart: calendar months and the median, 50% and 90% bands of one series.</summary>
public sealed record FanChartData(DateTime[] Months, double[] Median, double[] P25, double[] P75, double[] P5, double[] P95)
{
    /// <summary>Extracts the bands of <paramref name="series"/>.</summary>
    public static FanChartData From(MonteCarloResult result, Series series) => From(result, result.Of(series));

    /// <summary>Extracts the bands of one series' monthly <paramref name="statistics"/>.</summary>
    public static FanChartData From(MonteCarloResult result, IReadOnlyList<SummaryStatistics> statistics)
    {
        int n = statistics.Count;
        var data = new FanChartData(new DateTime[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (int t = 0; t < n; t++)
        {
            data.Months[t] = result.Scenario.Start.AddMonths(t).ToDateTime();
            data.Median[t] = statistics[t].P50;
            data.P25[t] = statistics[t].P25;
            data.P75[t] = statistics[t].P75;
            data.P5[t] = statistics[t].P5;
            data.P95[t] = statistics[t].P95;
        }
        return data;
    }
}
