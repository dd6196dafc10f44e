namespace Simulation.Core.Catalogue;

/// <summary>The per-run outcome metrics of docs/model.md, "What a run reports".</summary>
public enum Metric
{
    /// <summary>Largest end-of-month stock of workers.</summary>
    PeakWorkers,
    /// <summary>Workers abroad at the horizon, W_T.</summary>
    WorkersEnd,
    /// <summary>All arrivals over the horizon.</summary>
    TotalDeployed,
    /// <summary>Sum of end-of-month stocks: worker-months paid.</summary>
    WorkerMonths,
    /// <summary>USD reaching the sending state over the horizon.</summary>
    RemittancesUsd,
    /// <summary>Enforcement events over the horizon, E_T.</summary>
    EnforcementEvents,
    /// <summary>Month index of the first enforcement event; censored when none.</summary>
    FirstEnforcementMonth,
    /// <summary>Ceasefire month index C when C &lt; T; censored otherwise.</summary>
    CeasefireMonth,
    /// <summary>Workers removed under repatriation orders over the horizon (model version 2).</summary>
    TotalForcedExits,
    /// <summary>Deaths over the horizon (model version 2).</summary>
    TotalDeaths,
    /// <summary>Desertions over the horizon (model version 2).</summary>
    TotalDesertions,
    /// <summary>Month index at whose end an adaptive policy's signpost first held; censored when it never did (or there is none).</summary>
    TriggerMonth,
    /// <summary>USD of the state's revenue delivered through its money channels over the horizon (model version 3; the remittances without money channels).</summary>
    DeliveredRemittancesUsd,
    /// <summary>USD paid to the state for contingents abroad over the horizon (model version 3), apart from labor revenue.</summary>
    TotalContingentRevenueUsd,
}
