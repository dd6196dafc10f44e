namespace Simulation.Core.Catalogue;

/// <summary>
/// Every output of the model (docs/model.md, "What a run reports"), declared once: names, units, kinds, censoring
/// and chart titles. The model writes a month's values at index <c>(int)series</c> and a run's at
/// <c>(int)metric</c>; writers, charts and reports read these definitions instead of keeping lists of their own.
/// </summary>
public static class OutputCatalogue
{
    /// <summary>Number of metrics; a constant because <see cref="MetricValues"/> holds them inline.</summary>
    public const int MetricCount = 14;

    private static readonly OutputDefinition[] SeriesDefinitions = Build<Series>(Define);
    private static readonly OutputDefinition[] MetricDefinitions = Build<Metric>(Define);

    /// <summary>Number of series every scenario reports.</summary>
    public static int SeriesCount => SeriesDefinitions.Length;

    /// <summary>The series' definition.</summary>
    public static OutputDefinition Of(Series series) => SeriesDefinitions[(int)series];

    /// <summary>The metric's definition.</summary>
    public static OutputDefinition Of(Metric metric) => MetricDefinitions[(int)metric];

    /// <summary>Every series every scenario reports, in <see cref="Series"/> order.</summary>
    public static IReadOnlyList<OutputDefinition> AllSeries => SeriesDefinitions;

    /// <summary>The stock of one channel, reported when a scenario has two or more.</summary>
    public static OutputDefinition ChannelWorkers(string channel) =>
        new($"workers.{channel}", "workers", OutputKind.Stock, false, $"Workers abroad on the {channel} channel at month end", $"workers abroad ({channel})");

    /// <summary>The arrivals of one channel (contingents included), reported when a scenario has two or more.</summary>
    public static OutputDefinition ChannelArrivals(string channel) =>
        new($"arrivals.{channel}", "workers / month", OutputKind.Flow, false, $"Workers arriving on the {channel} channel per month", $"arrivals ({channel})");

    /// <summary>Workers at one destination, reported when a scenario has two or more (model version 3).</summary>
    public static OutputDefinition DestinationWorkers(string destination, string? label = null) =>
        new($"workers@{destination}", "workers", OutputKind.Stock, false, $"Workers abroad in {label ?? destination} at month end", $"workers abroad ({label ?? destination})");

    /// <summary>Arrivals at one destination (contingents included), reported when a scenario has two or more (model version 3).</summary>
    public static OutputDefinition DestinationArrivals(string destination, string? label = null) =>
        new($"arrivals@{destination}", "workers / month", OutputKind.Flow, false, $"Workers arriving in {label ?? destination} per month", $"arrivals ({label ?? destination})");

    /// <summary>Arrears: pay withheld and not yet settled, at month end (model version 3, with pay withheld).</summary>
    public static OutputDefinition Arrears { get; } =
        new("arrears_usd", "USD", OutputKind.Money, false, "Pay withheld and not yet paid out, at month end", "arrears") { IsBalance = true };

    /// <summary>Arrears paid out at normal returns (and forced exits not forfeited), after the deduction, per month.</summary>
    public static OutputDefinition Settlements { get; } =
        new("settlements_usd", "USD / month", OutputKind.Money, false, "Arrears paid out to workers leaving, per month", "settlements");

    /// <summary>The state's revenue that reaches it through its money channels, per month (model version 3).</summary>
    public static OutputDefinition Delivered { get; } =
        new("delivered_usd", "USD / month", OutputKind.Money, false, "Remittances delivered through the money channels per month", "delivered remittances");

    /// <summary>The state's revenue lost to fees and closed channels, per month (model version 3).</summary>
    public static OutputDefinition Lost { get; } =
        new("lost_usd", "USD / month", OutputKind.Money, false, "Remittances lost to money-channel fees and closures per month", "lost remittances");

    /// <summary>What contingents earn the state per month, apart from labor revenue (model version 3).</summary>
    public static OutputDefinition ContingentRevenue { get; } =
        new("contingent_revenue_usd", "USD / month", OutputKind.Money, false, "Pay to the state for contingents abroad per month", "contingent revenue");

    /// <summary>Every metric, in <see cref="Metric"/> order.</summary>
    public static IReadOnlyList<OutputDefinition> AllMetrics => MetricDefinitions;

    /// <summary>Every metric's name, in <see cref="Metric"/> order.</summary>
    public static IReadOnlyList<string> MetricNames { get; } = Array.ConvertAll(MetricDefinitions, d => d.Name);

    /// <summary>The metric called <paramref name="name"/> (e.g. "peak_workers"), if there is one.</summary>
    public static bool TryParseMetric(string name, out Metric metric)
    {
        for (int m = 0; m < MetricDefinitions.Length; m++)
        {
            if (MetricDefinitions[m].Name == name)
            {
                metric = (Metric)m;
                return true;
            }
        }
        metric = default;
        return false;
    }

    /// <summary>The probabilities by the horizon every run result gives, in <see cref="HorizonProbability"/> order.</summary>
    public static IReadOnlyList<ProbabilityDefinition> Probabilities { get; } =
    [
        new(HorizonProbability.Enforced, "enforced_by_horizon", Series.Enforced, "P(enforcement hits the scheme by the horizon)", Goal.Maximise),
        new(HorizonProbability.Ceasefire, "ceasefire_by_horizon", Series.Postwar, "P(ceasefire by the horizon)", Goal.Maximise),
    ];

    /// <summary>The probability's definition.</summary>
    public static ProbabilityDefinition Of(HorizonProbability probability) => Probabilities[(int)probability];

    /// <summary>The probability called <paramref name="name"/> (e.g. "enforced_by_horizon"), if there is one.</summary>
    public static bool TryParseProbability(string name, out HorizonProbability probability)
    {
        foreach (var definition in Probabilities)
        {
            if (definition.Name == name)
            {
                probability = definition.Probability;
                return true;
            }
        }
        probability = default;
        return false;
    }

    /// <summary>The probabilities' names, in order.</summary>
    public static IReadOnlyList<string> ProbabilityNames { get; } = [.. Probabilities.Select(p => p.Name)];

    /// <summary>The conditions results are also given under, in <see cref="RunCondition"/> order.</summary>
    public static IReadOnlyList<ConditionDefinition> Conditions { get; } =
    [
        new(RunCondition.CeasefireCame, "ceasefire_came", "runs where the ceasefire came", "ceasefire came"),
        new(RunCondition.WorkersAbroad, "workers_abroad", "runs with workers abroad at some point", "anyone deployed"),
    ];

    /// <summary>The condition's definition.</summary>
    public static ConditionDefinition Of(RunCondition condition) => Conditions[(int)condition];

    private static OutputDefinition Define(Series series) => series switch
    {
        Series.Workers => new("workers", "workers", OutputKind.Stock, false, "Workers abroad at month end", "workers abroad"),
        Series.Arrivals => new("arrivals", "workers / month", OutputKind.Flow, false, "Workers arriving per month", "arrivals"),
        Series.Returns => new("returns", "workers / month", OutputKind.Flow, false, "Workers going home at the end of their contract per month", "returns"),
        Series.Expelled => new("expelled", "workers / month", OutputKind.Flow, false, "Workers expelled by enforcement per month", "expulsions"),
        Series.RemittancesUsd => new("remittances_usd", "USD / month", OutputKind.Money, false, "Remittances to the sending state per month", "remittances per month") { Axis = "USD per month" },
        Series.CumulativeRemittancesUsd => new("cumulative_remittances_usd", "USD", OutputKind.Money, false, "Cumulative remittances to the sending state", "remittances since start") { Axis = "USD since start" },
        Series.Enforced => new("enforced", "probability", OutputKind.ZeroOne, false, "P(sanctions enforced by month)", "P(enforced by month)"),
        Series.Postwar => new("postwar", "probability", OutputKind.ZeroOne, false, "P(ceasefire by month)", "P(ceasefire by month)"),
        Series.ForcedExits => new("forced_exits", "workers / month", OutputKind.Flow, false, "Workers removed under repatriation orders per month", "forced exits"),
        Series.Deaths => new("deaths", "workers / month", OutputKind.Flow, false, "Deaths of workers abroad per month", "deaths"),
        Series.Desertions => new("desertions", "workers / month", OutputKind.Flow, false, "Desertions of workers abroad per month", "desertions"),
        _ => throw new ArgumentOutOfRangeException(nameof(series)),
    };

    private static OutputDefinition Define(Metric metric) => metric switch
    {
        Metric.PeakWorkers => new("peak_workers", "workers", OutputKind.Stock, false, "Peak workers abroad over the horizon", "peak workers abroad") { Axis = "peak workers abroad" },
        Metric.WorkersEnd => new("workers_end", "workers", OutputKind.Stock, false, "Workers abroad at the horizon", "workers abroad at the horizon"),
        Metric.TotalDeployed => new("total_deployed", "workers", OutputKind.Flow, false, "Workers deployed over the horizon", "workers deployed over the horizon"),
        Metric.WorkerMonths => new("worker_months", "worker-months", OutputKind.Flow, false, "Worker-months paid over the horizon", "worker-months paid"),
        Metric.RemittancesUsd => new("remittances_usd", "USD", OutputKind.Money, false, "Total remittances over the horizon", "remittances, total over the horizon") { Axis = "USD, total over the horizon" },
        Metric.EnforcementEvents => new("enforcement_events", "events", OutputKind.Count, false, "Enforcement events over the horizon", "enforcement events") { Goal = Goal.Maximise },
        Metric.FirstEnforcementMonth => new("first_enforcement_month", "month index", OutputKind.MonthIndex, true, "Month of the first enforcement event", "first enforcement event"),
        Metric.CeasefireMonth => new("ceasefire_month", "month index", OutputKind.MonthIndex, true, "Month of the ceasefire", "ceasefire"),
        Metric.TotalForcedExits => new("total_forced_exits", "workers", OutputKind.Flow, false, "Workers removed under repatriation orders over the horizon", "forced exits over the horizon") { Goal = Goal.Maximise },
        Metric.TotalDeaths => new("total_deaths", "workers", OutputKind.Flow, false, "Deaths of workers abroad over the horizon", "deaths over the horizon"),
        Metric.TotalDesertions => new("total_desertions", "workers", OutputKind.Flow, false, "Desertions over the horizon", "desertions over the horizon"),
        Metric.DeliveredRemittancesUsd => new("delivered_remittances_usd", "USD", OutputKind.Money, false, "Remittances delivered through the money channels over the horizon", "delivered remittances, total over the horizon") { Axis = "USD delivered, total over the horizon" },
        Metric.TotalContingentRevenueUsd => new("total_contingent_revenue_usd", "USD", OutputKind.Money, false, "Pay to the state for contingents over the horizon", "contingent revenue, total over the horizon") { Axis = "USD, total over the horizon" },
        Metric.TriggerMonth => new("trigger_month", "month index", OutputKind.MonthIndex, true, "Month an adaptive policy's signpost first held", "policy's signpost first held"),
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };

    private static OutputDefinition[] Build<TEnum>(Func<TEnum, OutputDefinition> define)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var definitions = new OutputDefinition[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (Convert.ToInt32(values[i], System.Globalization.CultureInfo.InvariantCulture) != i)
            {
                throw new InvalidOperationException($"{typeof(TEnum).Name} must number its members 0, 1, 2, ... in order");
            }
            definitions[i] = define(values[i]);
        }
        if (typeof(TEnum) == typeof(Metric) && definitions.Length != MetricCount)
        {
            throw new InvalidOperationException($"MetricCount is {MetricCount} but Metric has {definitions.Length} members");
        }
        return definitions;
    }
}
