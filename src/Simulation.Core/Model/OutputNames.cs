namespace Simulation.Core.Model;

/// <summary>The contract's names (MODEL.md, SCENARIO-FORMAT.md) of series and metrics, and their units.</summary>
public static class OutputNames
{
    /// <summary>Number of series.</summary>
    public const int SeriesCount = 8;

    /// <summary>Number of metrics.</summary>
    public const int MetricCount = 8;

    private static readonly string[] SeriesNames =
        ["workers", "arrivals", "returns", "expelled", "remittances_usd", "cumulative_remittances_usd", "enforced", "postwar"];

    private static readonly string[] SeriesUnits =
        ["workers", "workers / month", "workers / month", "workers / month", "USD / month", "USD", "probability", "probability"];

    private static readonly string[] MetricNames =
        ["peak_workers", "workers_end", "total_deployed", "worker_months", "remittances_usd", "enforcement_events", "first_enforcement_month", "ceasefire_month"];

    private static readonly string[] MetricUnits =
        ["workers", "workers", "workers", "worker-months", "USD", "events", "month index", "month index"];

    /// <summary>The series' name, e.g. "cumulative_remittances_usd".</summary>
    public static string Of(Series series) => SeriesNames[(int)series];

    /// <summary>The metric's name, e.g. "peak_workers".</summary>
    public static string Of(Metric metric) => MetricNames[(int)metric];

    /// <summary>The series' unit, e.g. "USD / month".</summary>
    public static string UnitOf(Series series) => SeriesUnits[(int)series];

    /// <summary>The metric's unit, e.g. "workers".</summary>
    public static string UnitOf(Metric metric) => MetricUnits[(int)metric];

    /// <summary>Every metric's name, in <see cref="Metric"/> order.</summary>
    public static IReadOnlyList<string> MetricNamesInOrder => MetricNames;

    /// <summary>The metric called <paramref name="name"/> (e.g. "peak_workers"), if there is one.</summary>
    public static bool TryParseMetric(string name, out Metric metric)
    {
        int index = Array.IndexOf(MetricNames, name);
        metric = (Metric)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>True for metrics that are absent in runs where the event never happened.</summary>
    public static bool IsCensored(Metric metric) => metric is Metric.FirstEnforcementMonth or Metric.CeasefireMonth;
}
