namespace Simulation.Core.Model;

/// <summary>The outcome metrics of one run (MODEL.md). Censored metrics are -1 when the event did not happen.</summary>
public readonly record struct RunOutcome(
    long PeakWorkers,
    long WorkersEnd,
    long TotalDeployed,
    long WorkerMonths,
    double RemittancesUsd,
    long EnforcementEvents,
    int FirstEnforcementMonth,
    int CeasefireMonth)
{
    /// <summary>The value of <paramref name="metric"/>; NaN when censored.</summary>
    public double Value(Metric metric) => metric switch
    {
        Metric.PeakWorkers => PeakWorkers,
        Metric.WorkersEnd => WorkersEnd,
        Metric.TotalDeployed => TotalDeployed,
        Metric.WorkerMonths => WorkerMonths,
        Metric.RemittancesUsd => RemittancesUsd,
        Metric.EnforcementEvents => EnforcementEvents,
        Metric.FirstEnforcementMonth => FirstEnforcementMonth >= 0 ? FirstEnforcementMonth : double.NaN,
        Metric.CeasefireMonth => CeasefireMonth >= 0 ? CeasefireMonth : double.NaN,
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };
}
