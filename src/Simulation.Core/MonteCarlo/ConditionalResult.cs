namespace Simulation.Core.MonteCarlo;

/// <summary>The metrics over the runs where <paramref name="Condition"/> holds: <paramref name="Runs"/> of them, a share <paramref name="Share"/> of all.</summary>
public sealed record ConditionalResult(RunCondition Condition, long Runs, double Share, MetricSummary[] Metrics)
{
    /// <summary>The condition in words, for reports.</summary>
    public string Description => Condition switch
    {
        RunCondition.CeasefireCame => "runs where the ceasefire came",
        _ => "runs with workers abroad at some point",
    };

    /// <summary>The condition in two or three words, for table cells.</summary>
    public string ShortLabel => Condition switch
    {
        RunCondition.CeasefireCame => "ceasefire came",
        _ => "anyone deployed",
    };

    /// <summary>The condition's key in summary.json.</summary>
    public string Key => Condition switch
    {
        RunCondition.CeasefireCame => "ceasefire_came",
        _ => "workers_abroad",
    };
}
