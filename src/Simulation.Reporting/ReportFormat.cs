using System.Globalization;
using Simulation.Core.Model;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>Numbers as a report states them.</summary>
internal static class ReportFormat
{
    public static string Value(double value, Metric metric) =>
        double.IsNaN(value) ? "—" : metric == Metric.RemittancesUsd ? PlotStyle.FormatValue(value, money: true) : Number(value);

    public static string Number(double value) =>
        double.IsNaN(value) ? "—"
        : Math.Abs(value) >= 100 || value == Math.Floor(value) ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("G3", CultureInfo.InvariantCulture);

    public static string Percent(double p) => double.IsNaN(p) ? "—" : (100 * p).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string PercentPoints(double se) => (100 * se).ToString("0.0", CultureInfo.InvariantCulture);
}
