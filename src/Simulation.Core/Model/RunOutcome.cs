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
    int CeasefireMonth);
