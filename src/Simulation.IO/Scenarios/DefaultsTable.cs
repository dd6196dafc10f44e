using System.Text;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;

namespace Simulation.IO.Scenarios;

/// <summary>The text printed by <c>laborsim validate --defaults</c>: every key with its default, unit and meaning.</summary>
public static class DefaultsTable
{
    /// <summary>A fixed-width table, one key per line.</summary>
    public static string Render()
    {
        int pathWidth = 0;
        int defaultWidth = 0;
        int unitWidth = 0;
        foreach (var key in ScenarioSchema.Keys)
        {
            pathWidth = Math.Max(pathWidth, key.Path.Length);
            defaultWidth = Math.Max(defaultWidth, (key.DefaultYaml ?? "(required)").Length);
            unitWidth = Math.Max(unitWidth, key.Unit.Length);
        }
        var builder = new StringBuilder();
        builder.Append("key".PadRight(pathWidth)).Append("  ").Append("default".PadRight(defaultWidth)).Append("  ")
            .Append("unit".PadRight(unitWidth)).Append("  meaning\n");
        foreach (var key in ScenarioSchema.Keys)
        {
            string range = key.Range is { } r && key.Kind is KeyKind.Parameter or KeyKind.Integer ? $" [{r.Describe()}]" : "";
            builder.Append(key.Path.PadRight(pathWidth)).Append("  ")
                .Append((key.DefaultYaml ?? "(required)").PadRight(defaultWidth)).Append("  ")
                .Append(key.Unit.PadRight(unitWidth)).Append("  ")
                .Append(key.Meaning).Append(range).Append('\n');
        }
        builder.Append("\nList items (model version 2), key: default, unit, range:\n");
        Item(builder, "channels[]", "name (required: letters, digits, '_'), substitute_to (a channel's name, default none)",
            ParameterCatalogue.ChannelKeys,
            "share is required with two or more channels; written as plain numbers, shares must sum to 1, and at every month they are normalised to sum 1; contract_months left out follows contract.mean_months (its timeline changes included)");
        Item(builder, "repatriation[]", "deadline (required, YYYY-MM), channels (names, default all), convert_to (a channel's name, default none)",
            ParameterCatalogue.RepatriationKeys, "in the ramp_months before the deadline, covered workers are removed at 1 - (1 - compliance)^(1/ramp_months) a month; at the deadline each one left moves to convert_to with probability convert");
        Item(builder, "destinations[] (version 3)", "name (required: letters, digits, '_'), demand: {wartime, peak, ramp_months} (optional: all destinations or none)",
            ParameterCatalogue.DestinationKeys,
            "share is required with two or more (unless they have demand); wage and death_rate left out follow pay.wage and attrition.death_rate; set on the timeline as destinations.NAME.KEY");
        Item(builder, "transfers[] (version 3)", "from, to (required: destination names)", [ParameterCatalogue.TransferMonthly],
            "each worker at 'from' moves to 'to' with probability monthly, after the month's exits and before its arrivals; a worker moves at most once a month");
        Item(builder, "money_channels[] (version 3)", "name (required: letters, digits, '_'), substitute_to (a money channel's name, default none), in_kind (true/false, default false)",
            ParameterCatalogue.MoneyChannelKeys,
            "share is required with two or more; shares sum to 1 and are normalised each month; delivered = sum of share x (1 - fee) over open channels, a closed one's share through substitute_to (less its fee) or lost; set on the timeline as money_channels.NAME.KEY");
        Item(builder, "contingents[]", "month (required, YYYY-MM), channel (default the first channel), spread_months (whole number, default 1)",
            [ParameterCatalogue.ContingentWorkers, ParameterCatalogue.ContingentPayPerMonth],
            "workers is required; they arrive on top of the channel's arrivals, in spread_months equal parts; pay_per_month (version 3) is paid to the state per member abroad, reported as contingent_revenue_usd apart from remittances");
        builder.Append("\nTimeline (timeline: [{from: YYYY-MM, set: {key.path: VALUE, ...}}]): any parameter above used after month 0, or a channel's\n")
            .Append("key as channels.NAME.KEY, takes VALUE (a number or a distribution drawn once per run) from month 'from' on. A change\n")
            .Append("dated before start applies from month 0; one after the horizon never applies (both give a warning). A later change\n")
            .Append("REPLACES the value in force, never compounds with it: multipliers 0.5 from 2024-04 and 0.25 from 2026-01 give 0.25\n")
            .Append("from 2026-01, not 0.125. When two entries set the same key, the one later in the file wins from its own month on.\n")
            .Append("enforcement.base_hazard_changes are timeline entries of the base hazard's multiplier, by the same rules.\n");
        builder.Append("\nAny parameter may also be a distribution, sampled once per run: {dist: NAME, ...} with\n");
        foreach (var family in DistributionFamily.All)
        {
            string keys = family.Alternatives.Count > 0 ? string.Join("  or  ", family.Alternatives.Select(a => string.Join(", ", a)))
                : string.Join(", ", family.Required) + (family.Optional.Count > 0 ? "; optional " + string.Join(", ", family.Optional) : "");
            builder.Append("  ").Append(family.Name.PadRight(12)).Append(keys).Append('\n');
        }
        return builder.ToString();
    }

    private static void Item(StringBuilder builder, string list, string otherKeys, IEnumerable<ParameterDefinition> parameters, string note)
    {
        builder.Append("  ").Append(list).Append(": ").Append(otherKeys).Append('\n');
        foreach (var parameter in parameters)
        {
            builder.Append("    ").Append(parameter.KeyPath).Append(": ").Append(parameter.DefaultText).Append(", ").Append(parameter.Unit)
                .Append(", ").Append(parameter.Range.Describe()).Append(" (").Append(parameter.Meaning).Append(")\n");
        }
        builder.Append("    ").Append(note).Append('\n');
    }
}
