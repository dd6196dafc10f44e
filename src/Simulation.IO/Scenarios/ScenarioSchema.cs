namespace Simulation.IO.Scenarios;

/// <summary>
/// Every key of a scenario file (SCENARIO-FORMAT.md) with its default and unit: the one definition that the
/// loader, the validator, <c>laborsim validate --defaults</c> and the written scenario.yaml all use.
/// </summary>
public static class ScenarioSchema
{
    private static readonly ValueRange Workers = new(0, 1e9);

    /// <summary>All keys in document order.</summary>
    public static IReadOnlyList<KeyDefinition> Keys { get; } =
    [
        new("scenario", KeyKind.Name, null, "", "name of the scenario: letters, digits, '-' and '_'"),
        new("description", KeyKind.Text, "\"\"", "", "free text shown in reports"),
        new("start", KeyKind.Month, "2022-09", "YYYY-MM", "calendar month of month 0"),
        new("months", KeyKind.Integer, "60", "months", "horizon T", new ValueRange(1, 1200)),
        new("runs", KeyKind.Integer, "10000", "runs", "Monte Carlo runs", new ValueRange(1, 1e9)),
        new("seed", KeyKind.Seed, "1", "", "root of every random stream (any 64-bit integer)"),

        new("ceasefire.month", KeyKind.Parameter, "24", "months after start", "ceasefire month; floored, below 0 counts as 0", ValueRange.AnyReal),
        new("ceasefire.never", KeyKind.Parameter, "0.1", "probability", "chance that no ceasefire comes at all", ValueRange.Probability),

        new("demand.wartime", KeyKind.Parameter, "0", "workers", "workers wanted while the war goes on", Workers),
        new("demand.peak", KeyKind.Parameter, "20000", "workers", "workers wanted at full reconstruction", Workers),
        new("demand.ramp_months", KeyKind.Parameter, "12", "months", "months from ceasefire to peak demand", new ValueRange(0, 1200, MinExclusive: true)),

        new("supply.dispatch_per_month", KeyKind.Parameter, "1000", "workers / month", "most workers sent in one month", Workers),
        new("supply.pool", KeyKind.Parameter, "100000", "workers", "most workers abroad at once", Workers),
        new("supply.initial_workers", KeyKind.Parameter, "0", "workers", "workers on site at month 0 (rounded)", Workers),

        new("contract.mean_months", KeyKind.Parameter, "36", "months", "mean contract length; a worker leaves each month with probability 1/mean", new ValueRange(1, double.MaxValue)),

        new("pay.wage", KeyKind.Parameter, "70000", "host currency / worker / month", "wage paid per worker", new ValueRange(0, 1e12)),
        new("pay.currency_per_usd", KeyKind.Parameter, "90", "host currency / USD", "exchange rate at month 0", new ValueRange(0, 1e12, MinExclusive: true)),
        new("pay.fx_drift", KeyKind.Parameter, "0", "log change / month", "drift of ln(currency per USD)", new ValueRange(-1, 1, UnboundedAbove: false)),
        new("pay.fx_volatility", KeyKind.Parameter, "0.03", "log sd / month", "volatility of ln(currency per USD)", new ValueRange(0, 1, UnboundedAbove: false)),
        new("pay.state_share", KeyKind.Parameter, "0.8", "share", "share of wages the sending state takes", ValueRange.Probability),

        new("enforcement.base_hazard", KeyKind.Parameter, "0.01", "events / month", "enforcement hazard regardless of scale", new ValueRange(0, 100)),
        new("enforcement.base_hazard_changes", KeyKind.HazardChanges, "[]", "list of {from: YYYY-MM, multiplier}", "from each month on, the base hazard is multiplied by the multiplier"),
        new("enforcement.hazard_per_1000_workers", KeyKind.Parameter, "0.002", "events / month / 1000 workers", "extra hazard per 1,000 workers on site", new ValueRange(0, 100)),
        new("enforcement.expel_fraction", KeyKind.Parameter, "0.3", "share", "share of workers on site expelled by one event", ValueRange.Probability),
        new("enforcement.deterrence", KeyKind.Parameter, "0.5", "factor", "factor on intended dispatch once enforced", ValueRange.Probability),
        new("enforcement.channel_cost", KeyKind.Parameter, "0.2", "share", "share of remittances lost once enforced", ValueRange.Probability),
    ];

    /// <summary>The range of a base-hazard multiplier.</summary>
    public static ValueRange HazardMultiplierRange { get; } = new(0, 1000);

    /// <summary>The section names in document order.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["ceasefire", "demand", "supply", "contract", "pay", "enforcement"];

    /// <summary>The definition of <paramref name="path"/>, or null.</summary>
    public static KeyDefinition? Find(string path)
    {
        foreach (var key in Keys)
        {
            if (key.Path == path)
            {
                return key;
            }
        }
        return null;
    }
}
