namespace Simulation.Core.Catalogue;

/// <summary>The monthly series of docs/model.md, "What a run reports".</summary>
public enum Series
{
    /// <summary>W_{t+1}: workers abroad at the end of month t.</summary>
    Workers,
    /// <summary>A_t: workers arriving in month t.</summary>
    Arrivals,
    /// <summary>R_t: workers whose contract ended in month t.</summary>
    Returns,
    /// <summary>X_t: workers expelled in month t.</summary>
    Expelled,
    /// <summary>M_t: USD reaching the sending state for month t.</summary>
    RemittancesUsd,
    /// <summary>M_0 + ... + M_t in USD.</summary>
    CumulativeRemittancesUsd,
    /// <summary>1 once any enforcement event has happened, else 0.</summary>
    Enforced,
    /// <summary>1 when month t is after the ceasefire, else 0.</summary>
    Postwar,
    /// <summary>F_t: workers removed under a repatriation order in month t, over all channels (model version 2).</summary>
    ForcedExits,
    /// <summary>Deaths in month t, over all channels (model version 2).</summary>
    Deaths,
    /// <summary>Desertions in month t, over all channels (model version 2).</summary>
    Desertions,
}
