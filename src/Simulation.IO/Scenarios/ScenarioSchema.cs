using Simulation.Core.Catalogue;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Every key of a scenario file (docs/scenario-format.md) with its default and unit: the one definition that the
/// loader, the validator, <c>laborsim validate --defaults</c>, the JSON Schema and the written scenario.yaml all use.
/// The numeric parameters come from the core's <see cref="ParameterCatalogue"/>; this list adds the keys that are
/// not parameters (name, horizon, seed, lists).
/// </summary>
public static class ScenarioSchema
{
    /// <summary>All keys in document order.</summary>
    public static IReadOnlyList<KeyDefinition> Keys { get; } = Build();

    /// <summary>The range of a base-hazard multiplier.</summary>
    public static ValueRange HazardMultiplierRange => ParameterCatalogue.HazardChangeMultiplier.Range;

    /// <summary>The section names in document order.</summary>
    public static IReadOnlyList<string> Sections { get; } = Keys.Select(k => k.Section).Where(s => s.Length > 0).Distinct().ToList();

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

    private static List<KeyDefinition> Build()
    {
        var keys = new List<KeyDefinition>
        {
            new("scenario", KeyKind.Name, null, "", "name of the scenario: letters, digits, '-' and '_'"),
            new("description", KeyKind.Text, "\"\"", "", "free text shown in reports"),
            new("start", KeyKind.Month, "2022-09", "YYYY-MM", "calendar month of month 0"),
            new("months", KeyKind.Integer, "60", "months", "horizon T", new ValueRange(1, 1200)),
            new("runs", KeyKind.Integer, "10000", "runs", "Monte Carlo runs", new ValueRange(1, 1e9)),
            new("seed", KeyKind.Seed, "1", "", "root of every random stream (any 64-bit integer)"),
            new("forecast_from", KeyKind.Month, "~", "YYYY-MM",
                "the forecast's first month: earlier months are the record the runs pass through, and totals and peaks count from this month; left out: from the start"),
        };
        foreach (var parameter in ParameterCatalogue.Scalars)
        {
            keys.Add(KeyDefinition.Of(parameter));
            if (parameter == ParameterCatalogue.EnforcementBaseHazard)
            {
                keys.Add(new("enforcement.base_hazard_changes", KeyKind.HazardChanges, "[]", "list of {from: YYYY-MM, multiplier}",
                    "from each month on, the base hazard is multiplied by the multiplier (a later change replaces an earlier one, never compounds)"));
            }
            if (parameter == ParameterCatalogue.CeasefireNever)
            {
                keys.Add(new("ceasefire.not_before", KeyKind.Month, "~", "YYYY-MM",
                    "the first month a ceasefire may come (none has come before it, as of today): ceasefire.month is drawn truncated below it and 'never' given none so far; left out: no condition"));
            }
            if (parameter == ParameterCatalogue.EnforcementChannelCost)
            {
                keys.Add(new("enforcement.before_deployment", KeyKind.Boolean, "false", "true or false",
                    "true: the hazard runs while no worker is abroad (model version 1's rule); false: enforcement strikes only a scheme that exists"));
            }
        }
        keys.Add(new("channels", KeyKind.Channels, "[]", "list of {name, share, contract_months, open, substitute_to, substitution, visibility, fee}",
            "legal covers workers are sent under; left out: one channel 'permit' with contract.mean_months"));
        keys.Add(new("timeline", KeyKind.Timeline, "[]", "list of {from: YYYY-MM, set: {key.path: VALUE}}",
            "parameters that change from a month on; a later change replaces the value, never compounds it"));
        keys.Add(new("repatriation", KeyKind.Repatriation, "[]", "list of {deadline, compliance, ramp_months, channels, convert_to, convert}",
            "deadlines by which workers of the named channels are sent home"));
        keys.Add(new("destinations", KeyKind.Destinations, "[]", "list of {name, label, share, demand: {wartime, peak, ramp_months}, wage, hazard_factor, death_rate, visibility}",
            "the places workers are sent to (version 3), crossed with the channels; arrivals go by share, or where every destination has its own demand, where demand is unmet"));
        keys.Add(new("transfers", KeyKind.Transfers, "[]", "list of {from, to, monthly}",
            "monthly moves of workers between destinations (version 3): each worker at 'from' moves to 'to' with probability 'monthly'"));
        keys.Add(new("money_channels", KeyKind.MoneyChannels, "[]", "list of {name, share, fee, open, substitute_to, in_kind}",
            "how the state's revenue reaches it (version 3): banks, couriers, in kind; delivered = sum of share x (1 - fee) over open channels, a closed channel's share going to substitute_to or lost"));
        keys.Add(new("contingents", KeyKind.Contingents, "[]", "list of {month, workers, channel, spread_months, pay_per_month, destination}",
            "blocks of workers sent by a state-to-state deal, on top of the channel's arrivals"));
        keys.Add(new("correlations", KeyKind.Correlations, "[]", "list of {between: [INPUT, INPUT], rho: -1..1}",
            "Spearman rank correlations between uncertain inputs, drawn through a Gaussian copula (the marginals stay as given)"));
        keys.Add(new("sampling", KeyKind.Sampling, "{method: monte-carlo}", "{method: monte-carlo | latin-hypercube | sobol}",
            "how runs spread the uncertain inputs: independent draws, a Latin hypercube, or Owen-scrambled Sobol' points"));
        keys.Add(new("levers", KeyKind.Levers, "{}", "{KEY: {min, max} | {values: [...]}}",
            "what a decision maker controls: parameters (fixed, never drawn) that policies set (docs/decisions.md)"));
        keys.Add(new("policies", KeyKind.Policies, "[]", "list of {name, set: {LEVER: VALUE}, from | when, lag_months, note}",
            "named settings of the levers, from month 0, from a month, or after a signpost; 'status-quo' (nothing set) is implicit"));
        keys.Add(new("policy", KeyKind.PolicyName, "~", "a policy's name",
            "the policy a run is under (laborsim run --policy NAME sets it); left out: none, the scenario as written"));
        keys.Add(new("observed", KeyKind.Observed, "[]", "list of PATH",
            "observation files (data/observed/..., relative to this file) the runs are drawn against: run's charts show them and its report counts those in the 90% band"));
        keys.Add(new("expect", KeyKind.Expectations, "~", "list of {says, mean: METRIC | median: METRIC | probability: NAME or \"METRIC > VALUE\", between: [LOW, HIGH]}",
            "claims the file makes about its own results, in its own words: run checks each and says which hold (not inherited through extends:)"));
        keys.Add(new("posterior", KeyKind.Posterior, "~", "{file: PATH}",
            "joint values of calibrated inputs (a posterior.csv written by laborsim calibrate, path relative to this file): each run draws one particle by weight"));
        return keys;
    }
}
