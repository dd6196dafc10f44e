namespace Simulation.IO.Scenarios;

/// <summary>What kind of value a scenario key holds.</summary>
public enum KeyKind
{
    /// <summary>The scenario's name: letters, digits, '-' and '_'.</summary>
    Name,
    /// <summary>Free text.</summary>
    Text,
    /// <summary>A calendar month, YYYY-MM.</summary>
    Month,
    /// <summary>A whole number within the key's range.</summary>
    Integer,
    /// <summary>Any 64-bit signed integer.</summary>
    Seed,
    /// <summary>A number or a distribution, sampled once per run.</summary>
    Parameter,
    /// <summary>The list of {from, multiplier} base-hazard changes.</summary>
    HazardChanges,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>The list of channels (version 2).</summary>
    Channels,
    /// <summary>The list of {from, set} timeline entries (version 2).</summary>
    Timeline,
    /// <summary>The list of repatriation orders (version 2).</summary>
    Repatriation,
    /// <summary>The list of contingents (version 2).</summary>
    Contingents,

    /// <summary>correlations: a list of {between: [INPUT, INPUT], rho}.</summary>
    Correlations,

    /// <summary>sampling: {method: ...}.</summary>
    Sampling,

    /// <summary>posterior: {file: PATH}, joint draws of calibrated inputs.</summary>
    Posterior,

    /// <summary>levers: {KEY: {min, max} | {values: [...]}}, what a decision maker controls.</summary>
    Levers,

    /// <summary>policies: a list of {name, set, from | when, lag_months, note}.</summary>
    Policies,

    /// <summary>policy: the name of the policy a run is under (one of policies:, or status-quo).</summary>
    PolicyName,

    /// <summary>observed: a list of observation files (paths relative to the scenario file) drawn on the run's charts.</summary>
    Observed,

    /// <summary>expect: a list of claims about the file's own results ({says, mean | median | probability, between}).</summary>
    Expectations,

    /// <summary>money_channels: a list of {name, share, fee, open, substitute_to, in_kind} (model version 3).</summary>
    MoneyChannels,

    /// <summary>destinations: a list of {name, share, demand, wage, hazard_factor, death_rate, visibility} (model version 3).</summary>
    Destinations,

    /// <summary>transfers: a list of {from, to, monthly} between destinations (model version 3).</summary>
    Transfers,
}
