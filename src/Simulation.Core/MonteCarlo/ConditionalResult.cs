using Simulation.Core.Catalogue;

namespace Simulation.Core.MonteCarlo;

/// <summary>The metrics over the runs where <paramref name="Condition"/> holds: <paramref name="Runs"/> of them, a share <paramref name="Share"/> of all.</summary>
public sealed record ConditionalResult(RunCondition Condition, long Runs, double Share, MetricSummary[] Metrics)
{
    /// <summary>The condition in words, for reports.</summary>
    public string Description => OutputCatalogue.Of(Condition).Description;

    /// <summary>The condition in two or three words, for table cells.</summary>
    public string ShortLabel => OutputCatalogue.Of(Condition).ShortLabel;

    /// <summary>The condition's key in summary.json.</summary>
    public string Key => OutputCatalogue.Of(Condition).Key;
}
