namespace Simulation.Reporting;

/// <summary>What the model leaves out (docs/model.md), said in every report.</summary>
public static class ModelLimits
{
    /// <summary>One line per omission.</summary>
    public static IReadOnlyList<string> Items { get; } =
    [
        "Deaths and desertions are a constant monthly rate (attrition); nothing else takes workers out besides contract ends, deadlines and expulsions.",
        "Workers are not transferred between host regions; the host territory is one labor market.",
        "Wages are paid in full every month: no wage arrears.",
        "The only political shock is the ceasefire; other shocks (regime change, new sanctions regimes) are left out.",
        "The sending state reacts to enforcement only through the deterrence factor on new dispatches and the channels written in the scenario; it does not choose covers strategically.",
        "Enforcement strikes only a scheme that exists: no event while no worker is abroad (unless the scenario sets enforcement.before_deployment).",
        "Results are distributions over stated assumptions, not forecasts: there is no official count of North Korean workers in Russia after 2022, and revenue estimates span an order of magnitude.",
    ];
}
