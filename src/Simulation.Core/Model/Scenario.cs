using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// A complete, validated set of assumptions (docs/scenario-format.md). Immutable: overrides and sweeps make
/// changed copies with <c>with</c>.
/// </summary>
/// <param name="Name">Letters, digits, '-' and '_'.</param>
/// <param name="Description">Free text for reports.</param>
/// <param name="Start">Calendar month of month 0.</param>
/// <param name="Months">Horizon T, 1 .. 1200.</param>
/// <param name="Runs">Monte Carlo runs, &gt;= 1.</param>
/// <param name="Seed">Root of every random stream.</param>
/// <param name="Ceasefire">When the war stops.</param>
/// <param name="Demand">Workers the host wants.</param>
/// <param name="Supply">Workers the sending state can send.</param>
/// <param name="Contract">How long workers stay.</param>
/// <param name="Pay">Wages, the state's share and the exchange rate.</param>
/// <param name="Enforcement">Sanctions enforcement.</param>
public sealed record Scenario(
    string Name,
    string Description,
    YearMonth Start,
    int Months,
    long Runs,
    long Seed,
    CeasefireAssumptions Ceasefire,
    DemandAssumptions Demand,
    SupplyAssumptions Supply,
    ContractAssumptions Contract,
    PayAssumptions Pay,
    EnforcementAssumptions Enforcement)
{
    /// <summary>A scenario with every parameter at the catalogue's default (<see cref="ParameterCatalogue"/>) and no hazard changes.</summary>
    public static Scenario FromDefaults(string name, string description, YearMonth start, int months, long runs, long seed)
    {
        static InputDistribution D(ParameterDefinition parameter) => InputDistribution.Fixed(parameter.Default);
        return new Scenario(name, description, start, months, runs, seed,
            new CeasefireAssumptions(D(ParameterCatalogue.CeasefireMonth), D(ParameterCatalogue.CeasefireNever)),
            new DemandAssumptions(D(ParameterCatalogue.DemandWartime), D(ParameterCatalogue.DemandPeak), D(ParameterCatalogue.DemandRampMonths)),
            new SupplyAssumptions(D(ParameterCatalogue.SupplyDispatchPerMonth), D(ParameterCatalogue.SupplyPool), D(ParameterCatalogue.SupplyInitialWorkers)),
            new ContractAssumptions(D(ParameterCatalogue.ContractMeanMonths)),
            new PayAssumptions(D(ParameterCatalogue.PayWage), D(ParameterCatalogue.PayCurrencyPerUsd), D(ParameterCatalogue.PayFxDrift),
                D(ParameterCatalogue.PayFxVolatility), D(ParameterCatalogue.PayStateShare)),
            new EnforcementAssumptions(D(ParameterCatalogue.EnforcementBaseHazard), [], D(ParameterCatalogue.EnforcementHazardPer1000Workers),
                D(ParameterCatalogue.EnforcementExpelFraction), D(ParameterCatalogue.EnforcementDeterrence), D(ParameterCatalogue.EnforcementChannelCost)));
    }

    /// <summary>
    /// The channels (docs/model.md, "Channels"), in order; empty means one channel, "permit", with version 1's parameters,
    /// which is not listed among the scenario's parameters.
    /// </summary>
    public IReadOnlyList<ChannelAssumptions> Channels { get; init; } = [];

    /// <summary>
    /// The first month of the forecast (<c>forecast_from</c>): the months before it are the record the runs pass through
    /// (drawn like the rest, and calibrated against it), and the run's totals and peaks count from it. Null: from the
    /// start.
    /// </summary>
    public YearMonth? ForecastFrom { get; init; }

    /// <summary>The first month the run's metrics count: <see cref="ForecastFrom"/> within the horizon, else the start.</summary>
    public YearMonth MetricsStart => ForecastFrom is { } from && from.CompareTo(Start) > 0 && from.MonthsSince(Start) < Months ? from : Start;

    /// <summary>Parameters that change on a date (docs/model.md, "Parameters that change on a date"), in file order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Deadline orders (docs/model.md, step 7), in file order.</summary>
    public IReadOnlyList<RepatriationOrder> Repatriation { get; init; } = [];

    /// <summary>Block arrivals (docs/model.md, step 5), in file order.</summary>
    public IReadOnlyList<Contingent> Contingents { get; init; } = [];

    /// <summary>Deaths and desertions (docs/model.md, step 10); none by default.</summary>
    public AttritionAssumptions Attrition { get; init; } =
        new(InputDistribution.Fixed(ParameterCatalogue.AttritionDeathRate.Default), InputDistribution.Fixed(ParameterCatalogue.AttritionDesertionRate.Default));

    /// <summary>The names of the model's channels: those of <see cref="Channels"/>, or "permit" alone.</summary>
    public IReadOnlyList<string> ChannelNames => Channels.Count == 0 ? [DefaultChannel] : [.. Channels.Select(c => c.Name)];

    /// <summary>The channel of a scenario that lists none.</summary>
    public const string DefaultChannel = "permit";

    /// <summary>
    /// Joint values of some uncertain inputs (a calibration's posterior): each run draws one particle by weight and its
    /// values replace those inputs' own draws. Null: every input is drawn from its own distribution.
    /// </summary>
    public PosteriorSample? Posterior { get; init; }

    /// <summary>What a decision maker controls (<c>levers:</c>): fixed parameters that policies set; never sampled, never calibrated.</summary>
    public IReadOnlyList<Lever> Levers { get; init; } = [];

    /// <summary>Named settings of the levers (<c>policies:</c>), in file order.</summary>
    public IReadOnlyList<Policy> Policies { get; init; } = [];

    /// <summary>The places workers are sent to (model version 3); empty means one implicit destination.</summary>
    public IReadOnlyList<Destination> Destinations { get; init; } = [];

    /// <summary>Monthly moves of workers between destinations (model version 3).</summary>
    public IReadOnlyList<Transfer> Transfers { get; init; } = [];

    /// <summary>The destinations' names, in order; one implicit destination ("host") when the scenario lists none.</summary>
    public IReadOnlyList<string> DestinationNames => Destinations.Count == 0 ? [DefaultDestination] : [.. Destinations.Select(d => d.Name)];

    /// <summary>The name of the one destination of a scenario without <c>destinations:</c>.</summary>
    public const string DefaultDestination = "host";

    /// <summary>The money channels of the state's revenue (model version 3); empty means one channel without a fee.</summary>
    public IReadOnlyList<MoneyChannel> MoneyChannels { get; init; } = [];

    /// <summary>Claims the file makes about its own results (<c>expect:</c>), checked after every whole run.</summary>
    public IReadOnlyList<Expectation> Expectations { get; init; } = [];

    /// <summary>The policy in force (<c>policy:</c>, <c>--policy</c>), applied by <see cref="ForPolicy"/>; null when none is.</summary>
    public Policy? Policy { get; init; }

    /// <summary>The adaptive policy this scenario runs under, watched in every month of every run; null for none.</summary>
    public AdaptiveChange? Adaptive { get; init; }

    /// <summary>
    /// The policies a decision analysis compares: the file's, with the implicit <see cref="Policy.StatusQuo"/> (which sets
    /// nothing) first unless the file names a policy so.
    /// </summary>
    public IReadOnlyList<Policy> PoliciesWithStatusQuo() =>
        Policies.Any(p => p.Name == Policy.StatusQuo) ? Policies : [new Policy(Policy.StatusQuo, []), .. Policies];

    /// <summary>
    /// True when a run of this scenario can have <paramref name="metric"/>: every metric but the month of a policy's
    /// signpost, which only a scenario running an adaptive policy has. Reports leave the others out; the files keep
    /// every metric, as the format says.
    /// </summary>
    public bool Reports(Metric metric) => metric switch
    {
        Metric.TriggerMonth => Adaptive is not null,
        // Equal to the remittances, or 0, where the scenario has no money channels or no paid contingents.
        Metric.DeliveredRemittancesUsd => MoneyChannels.Count > 0,
        Metric.TotalContingentRevenueUsd => CompiledScenario.PaysContingents(this),
        _ => true,
    };

    /// <summary>The policy called <paramref name="name"/> (the implicit status quo included), or null.</summary>
    public Policy? FindPolicy(string name) => PoliciesWithStatusQuo().FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// This scenario under <paramref name="policy"/>: its levers take the policy's values, from month 0 (the value in the
    /// file, and a timeline entry that outranks any change the timeline makes to the same key), from the policy's month
    /// (a timeline entry after all of the file's), or after its signpost (<see cref="Adaptive"/>). Levers are fixed
    /// numbers, so no random stream moves: run r of every policy sees the same future.
    /// </summary>
    public Scenario ForPolicy(Policy policy)
    {
        if (Policy is not null)
        {
            throw new InvalidOperationException($"scenario {Name} already runs under policy {Policy.Name}; apply policies to the scenario without one");
        }
        if (policy.IsStatusQuo)
        {
            return this with { Policy = policy };
        }
        if (policy.Trigger is { } trigger)
        {
            return this with { Adaptive = new AdaptiveChange(trigger, policy.LagMonths, policy.Settings), Policy = policy };
        }
        var scenario = this with { Policy = policy };
        var timed = new List<TimelineSetting>();
        foreach (var setting in policy.Settings)
        {
            var value = Distributions.InputDistribution.Fixed(setting.Value);
            if (policy.From is { } from && IsHazardMultiplier(setting.KeyPath))
            {
                // The multiplier m(t) changes only through hazard changes: the policy's is one more, after the file's.
                scenario = scenario with
                {
                    Enforcement = scenario.Enforcement with { BaseHazardChanges = [.. scenario.Enforcement.BaseHazardChanges, new HazardChange(from, value)] },
                };
                continue;
            }
            if (policy.From is null)
            {
                scenario = scenario.With(setting.KeyPath, value);
            }
            bool setByTimeline = Timeline.Any(entry => entry.Settings.Any(s => s.KeyPath == setting.KeyPath));
            if (TimelineTarget(setting.KeyPath) is not null && (policy.From is not null || setByTimeline))
            {
                timed.Add(new TimelineSetting(setting.KeyPath, value));
            }
        }
        return timed.Count == 0 ? scenario : scenario with { Timeline = [.. scenario.Timeline, new TimelineEntry(policy.From ?? Start, timed)] };
    }

    /// <summary>
    /// True for the multiplier of a base-hazard change ("enforcement.base_hazard_changes[0].multiplier"): the hazard
    /// multiplier in force, which a policy may set from a month or after a signpost.
    /// </summary>
    public static bool IsHazardMultiplier(string keyPath) =>
        keyPath.StartsWith("enforcement.base_hazard_changes[", StringComparison.Ordinal) && keyPath.EndsWith("].multiplier", StringComparison.Ordinal);

    /// <summary>Rank correlations between uncertain inputs (correlations:), drawn through a Gaussian copula; none by default.</summary>
    public IReadOnlyList<InputCorrelation> Correlations { get; init; } = [];

    /// <summary>How the runs' uncertain inputs are spread (sampling: {method: ...}); independent draws by default.</summary>
    public Simulation.Core.Sampling.SamplingMethod Sampling { get; init; } = Simulation.Core.Sampling.SamplingMethod.MonteCarlo;

    /// <summary>
    /// Every parameter with its key path, in the order of a run's inputs: the catalogue's scalars
    /// (<see cref="ParameterCatalogue.Scalars"/>), then the hazard changes' multipliers, the channels' keys, the
    /// repatriation orders', the contingents' sizes and the timeline's values. Each names its own random stream, so
    /// this order may change without changing any result.
    /// </summary>
    public IReadOnlyList<ScenarioParameter> Parameters()
    {
        var list = new List<ScenarioParameter>();
        foreach (var definition in ParameterCatalogue.Scalars)
        {
            list.Add(new(definition.KeyPath, ScenarioKeys.Get(definition, this), definition, definition.StreamPurpose, null, (s, v) => ScenarioKeys.With(definition, s, v)));
        }
        var multiplier = ParameterCatalogue.HazardChangeMultiplier;
        for (int i = 0; i < Enforcement.BaseHazardChanges.Count; i++)
        {
            int item = i;
            var change = Enforcement.BaseHazardChanges[i];
            list.Add(new($"enforcement.base_hazard_changes[{i}].multiplier", change.Multiplier, multiplier, multiplier.StreamOf(i), change.From,
                (s, v) => s with { Enforcement = s.Enforcement with { BaseHazardChanges = Replaced(s.Enforcement.BaseHazardChanges, item, c => c with { Multiplier = v }) } })
            {
                Label = $"{multiplier.Label} (the change of {change.From})",
            });
        }
        for (int c = 0; c < Channels.Count; c++)
        {
            int item = c;
            var channel = Channels[c];
            ScenarioParameter Key(ParameterDefinition definition, InputDistribution value, Func<ChannelAssumptions, InputDistribution, ChannelAssumptions> set) =>
                new($"channels.{channel.Name}.{definition.KeyPath}", value, definition, definition.StreamOf(item), null,
                    (s, v) => s with { Channels = Replaced(s.Channels, item, old => set(old, v)) })
                {
                    Label = $"{definition.Label} ({channel.Name} channel)",
                };
            list.Add(Key(ParameterCatalogue.ChannelShare, channel.Share, (old, v) => old with { Share = v }));
            if (channel.ContractMonths is { } months)
            {
                list.Add(Key(ParameterCatalogue.ChannelContractMonths, months, (old, v) => old with { ContractMonths = v }));
            }
            list.Add(Key(ParameterCatalogue.ChannelOpen, channel.Open, (old, v) => old with { Open = v }));
            list.Add(Key(ParameterCatalogue.ChannelSubstitution, channel.Substitution, (old, v) => old with { Substitution = v }));
            list.Add(Key(ParameterCatalogue.ChannelVisibility, channel.Visibility, (old, v) => old with { Visibility = v }));
            list.Add(Key(ParameterCatalogue.ChannelFee, channel.Fee, (old, v) => old with { Fee = v }));
        }
        for (int d = 0; d < Destinations.Count; d++)
        {
            int item = d;
            var destination = Destinations[d];
            ScenarioParameter Key(ParameterDefinition definition, InputDistribution value, Func<Destination, InputDistribution, Destination> set) =>
                new($"destinations.{destination.Name}.{definition.KeyPath}", value, definition, definition.StreamOf(item), null,
                    (s, v) => s with { Destinations = Replaced(s.Destinations, item, old => set(old, v)) })
                {
                    Label = $"{definition.Label} ({destination.Name})",
                };
            list.Add(Key(ParameterCatalogue.DestinationShare, destination.Share, (old, v) => old with { Share = v }));
            if (destination.Wage is { } wage)
            {
                list.Add(Key(ParameterCatalogue.DestinationWage, wage, (old, v) => old with { Wage = v }));
            }
            list.Add(Key(ParameterCatalogue.DestinationHazardFactor, destination.HazardFactor, (old, v) => old with { HazardFactor = v }));
            if (destination.DeathRate is { } deathRate)
            {
                list.Add(Key(ParameterCatalogue.DestinationDeathRate, deathRate, (old, v) => old with { DeathRate = v }));
            }
            list.Add(Key(ParameterCatalogue.DestinationVisibility, destination.Visibility, (old, v) => old with { Visibility = v }));
            if (destination.Demand is { } demand)
            {
                list.Add(Key(ParameterCatalogue.DestinationWartime, demand.WartimeWorkers, (old, v) => old with { Demand = old.Demand! with { WartimeWorkers = v } }));
                list.Add(Key(ParameterCatalogue.DestinationPeak, demand.PeakWorkers, (old, v) => old with { Demand = old.Demand! with { PeakWorkers = v } }));
                list.Add(Key(ParameterCatalogue.DestinationRampMonths, demand.RampMonths, (old, v) => old with { Demand = old.Demand! with { RampMonths = v } }));
            }
        }
        for (int i = 0; i < Transfers.Count; i++)
        {
            int item = i;
            var transfer = Transfers[i];
            var monthly = ParameterCatalogue.TransferMonthly;
            list.Add(new($"transfers[{i}].monthly", transfer.Monthly, monthly, monthly.StreamOf(i), null,
                (s, v) => s with { Transfers = Replaced(s.Transfers, item, old => old with { Monthly = v }) })
            {
                Label = $"{monthly.Label} from {transfer.From} to {transfer.To}",
            });
        }
        for (int m = 0; m < MoneyChannels.Count; m++)
        {
            int item = m;
            var channel = MoneyChannels[m];
            ScenarioParameter Key(ParameterDefinition definition, InputDistribution value, Func<MoneyChannel, InputDistribution, MoneyChannel> set) =>
                new($"money_channels.{channel.Name}.{definition.KeyPath}", value, definition, definition.StreamOf(item), null,
                    (s, v) => s with { MoneyChannels = Replaced(s.MoneyChannels, item, old => set(old, v)) })
                {
                    Label = $"{definition.Label} ({channel.Name} money channel)",
                };
            list.Add(Key(ParameterCatalogue.MoneyChannelShare, channel.Share, (old, v) => old with { Share = v }));
            list.Add(Key(ParameterCatalogue.MoneyChannelFee, channel.Fee, (old, v) => old with { Fee = v }));
            list.Add(Key(ParameterCatalogue.MoneyChannelOpen, channel.Open, (old, v) => old with { Open = v }));
        }
        for (int r = 0; r < Repatriation.Count; r++)
        {
            int item = r;
            var order = Repatriation[r];
            ScenarioParameter Key(ParameterDefinition definition, InputDistribution value, Func<RepatriationOrder, InputDistribution, RepatriationOrder> set) =>
                new($"repatriation[{item}].{definition.KeyPath}", value, definition, definition.StreamOf(item), order.Deadline,
                    (s, v) => s with { Repatriation = Replaced(s.Repatriation, item, old => set(old, v)) })
                {
                    Label = $"{definition.Label} (order of {order.Deadline})",
                };
            list.Add(Key(ParameterCatalogue.RepatriationCompliance, order.Compliance, (old, v) => old with { Compliance = v }));
            list.Add(Key(ParameterCatalogue.RepatriationRampMonths, order.RampMonths, (old, v) => old with { RampMonths = v }));
            list.Add(Key(ParameterCatalogue.RepatriationConvert, order.Convert, (old, v) => old with { Convert = v }));
        }
        var workers = ParameterCatalogue.ContingentWorkers;
        for (int j = 0; j < Contingents.Count; j++)
        {
            int item = j;
            list.Add(new($"contingents[{j}].workers", Contingents[j].Workers, workers, workers.StreamOf(j), Contingents[j].Month,
                (s, v) => s with { Contingents = Replaced(s.Contingents, item, old => old with { Workers = v }) })
            {
                Label = $"{workers.Label} of {Contingents[j].Month}",
            });
            var pay = ParameterCatalogue.ContingentPayPerMonth;
            list.Add(new($"contingents[{j}].pay_per_month", Contingents[j].PayPerMonth, pay, pay.StreamOf(j), Contingents[j].Month,
                (s, v) => s with { Contingents = Replaced(s.Contingents, item, old => old with { PayPerMonth = v }) })
            {
                Label = $"{pay.Label} of {Contingents[j].Month}",
            });
        }
        for (int i = 0; i < Timeline.Count; i++)
        {
            var entry = Timeline[i];
            for (int k = 0; k < entry.Settings.Count; k++)
            {
                int item = i, setting = k;
                var target = TimelineTarget(entry.Settings[k].KeyPath)
                    ?? throw new InvalidOperationException($"timeline[{i}] sets '{entry.Settings[k].KeyPath}', which is not a parameter that can change on a date");
                string keyPath = entry.Settings[k].KeyPath;
                string channel = keyPath.StartsWith("channels.", StringComparison.Ordinal) ? $" ({keyPath.Split('.')[1]} channel)"
                    : keyPath.StartsWith("money_channels.", StringComparison.Ordinal) ? $" ({keyPath.Split('.')[1]} money channel)"
                    : keyPath.StartsWith("destinations.", StringComparison.Ordinal) ? $" ({keyPath.Split('.')[1]})" : "";
                list.Add(new($"timeline[{i}].set.{entry.Settings[k].KeyPath}", entry.Settings[k].Value, target, ParameterCatalogue.TimelineStream(i, k), entry.From,
                    (s, v) => s with
                    {
                        Timeline = Replaced(s.Timeline, item, old => old with { Settings = Replaced(old.Settings, setting, x => x with { Value = v }) }),
                    })
                {
                    Label = $"{target.Label}{channel} from {entry.From}",
                });
            }
        }
        return list;
    }

    /// <summary>
    /// The definition of a key a timeline entry may set (docs/model.md, "Parameters that change on a date"): any scalar parameter used after month 0,
    /// or a channel's key as <c>channels.NAME.KEY</c>; null for anything else.
    /// </summary>
    public ParameterDefinition? TimelineTarget(string keyPath)
    {
        if (ParameterCatalogue.Find(keyPath) is { } scalar)
        {
            return scalar.StartOnly ? null : scalar;
        }
        string[] parts = keyPath.Split('.');
        if (parts.Length == 2 && parts[1] == ParameterCatalogue.TransferMonthly.KeyPath && parts[0].StartsWith("transfers[", StringComparison.Ordinal)
            && parts[0].EndsWith(']') && int.TryParse(parts[0]["transfers[".Length..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int transfer)
            && transfer < Transfers.Count)
        {
            return ParameterCatalogue.TransferMonthly;
        }
        if (parts.Length >= 3 && parts[0] == "destinations" && Destinations.FirstOrDefault(d => d.Name == parts[1]) is { } place)
        {
            string rest = string.Join('.', parts[2..]);
            bool present = rest switch
            {
                "wage" => place.Wage is not null,
                "death_rate" => place.DeathRate is not null,
                _ when rest.StartsWith("demand.", StringComparison.Ordinal) => place.Demand is not null,
                _ => true,
            };
            return present ? ParameterCatalogue.DestinationKeys.FirstOrDefault(key => key.KeyPath == rest) : null;
        }
        if (parts.Length == 3 && parts[0] == "money_channels" && MoneyChannels.Any(c => c.Name == parts[1]))
        {
            return ParameterCatalogue.MoneyChannelKeys.FirstOrDefault(key => key.KeyPath == parts[2]);
        }
        if (parts.Length == 3 && parts[0] == "channels" && ChannelNames.Contains(parts[1]))
        {
            foreach (var key in ParameterCatalogue.ChannelKeys)
            {
                if (key.KeyPath == parts[2])
                {
                    return key;
                }
            }
        }
        return null;
    }

    /// <summary>The parameter at <paramref name="keyPath"/> (as <see cref="Parameters"/> names it), or null.</summary>
    public ScenarioParameter? Find(string keyPath)
    {
        foreach (var parameter in Parameters())
        {
            if (parameter.KeyPath == keyPath)
            {
                return parameter;
            }
        }
        return null;
    }

    /// <summary>
    /// A copy with the parameter at <paramref name="keyPath"/> (as <see cref="Parameters"/> names it, list items included,
    /// e.g. "repatriation[0].compliance", "timeline[1].set.supply.dispatch_per_month") set to <paramref name="value"/>:
    /// how sweeps change a scenario without reading its file again.
    /// </summary>
    /// <exception cref="ArgumentException">No parameter has that key path.</exception>
    public Scenario With(string keyPath, InputDistribution value)
    {
        var changed = (Find(keyPath) ?? throw new ArgumentException($"'{keyPath}' names no parameter of scenario {Name}", nameof(keyPath))).Replace(this, value);
        // A value set explicitly wins over a posterior's joint draws of the same input.
        return changed.Posterior is { } posterior ? changed with { Posterior = posterior.Without(keyPath) } : changed;
    }

    /// <summary>The inputs drawn anew in every run (parameters given as distributions), with their key paths, in the order of <see cref="Parameters"/>.</summary>
    public IReadOnlyList<UncertainInput> UncertainInputs()
    {
        var compiled = CompiledScenario.Of(this);
        var inputs = new UncertainInput[compiled.UncertainParameterIndices.Length];
        for (int j = 0; j < inputs.Length; j++)
        {
            int i = compiled.UncertainParameterIndices[j];
            inputs[j] = new UncertainInput(compiled.ParameterNames[i], compiled.Parameters[i]);
        }
        return inputs;
    }

    /// <summary>
    /// The inputs runs.csv records for each run: the uncertain ones, and the run's own "no ceasefire at all" draw (0 or 1)
    /// where a run can draw it.
    /// </summary>
    public IReadOnlyList<string> RecordedInputNames() => CompiledScenario.Of(this).RecordedInputNames;

    /// <summary>The Gaussian copula of <see cref="Correlations"/> as used (repaired when the matrix asked for is not valid); null without correlations.</summary>
    public Simulation.Core.Correlation.InputCopula? Copula() => CompiledScenario.Of(this).Sampler?.Copula;

    /// <summary>Every series a run of this scenario reports, in order: the catalogue's, then each channel's when there are two or more.</summary>
    public IReadOnlyList<OutputDefinition> SeriesDefinitions() => CompiledScenario.Of(this).Series;

    private static IReadOnlyList<T> Replaced<T>(IReadOnlyList<T> list, int index, Func<T, T> change)
    {
        var copy = new List<T>(list);
        copy[index] = change(copy[index]);
        return copy;
    }
}
