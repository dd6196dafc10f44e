using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.Summaries;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>Numbers as a report states them: three significant figures unless a standard error supports more (<see cref="NumberText"/>).</summary>
internal static class ReportFormat
{
    public static string Value(double value, Metric metric) => NumberText.Of(value, OutputCatalogue.Of(metric).Kind);

    public static string MeanWithError(SummaryStatistics statistics, Metric metric) =>
        NumberText.WithError(statistics.Mean, statistics.Se, OutputCatalogue.Of(metric).Kind);

    public static string Number(double value) => NumberText.Count(value);

    public static string Percent(double p) => NumberText.Percent(p);

    public static string PercentPoints(double se) => NumberText.Points(se);

    /// <summary>What "±" means, said wherever it appears.</summary>
    public const string ErrorNote = "± is one Monte Carlo standard error of the mean (about two of them on either side make a 95% interval); percentiles come from a sketch accurate to 0.8%, so they are given to three significant figures.";
}
