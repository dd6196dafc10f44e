using Simulation.Core.Calendar;
using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>Remittances summed over calendar year <paramref name="Year"/> within the horizon (<paramref name="First"/> to <paramref name="Last"/>), over the runs.</summary>
public sealed record AnnualSummary(int Year, YearMonth First, YearMonth Last, SummaryStatistics Statistics)
{
    /// <summary>True when the horizon covers only part of the year.</summary>
    public bool IsPartial => First.Month != 1 || Last.Month != 12;
}
