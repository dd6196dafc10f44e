using System.Globalization;
using Simulation.Core.Model;
using Simulation.IO.Scenarios;

namespace Simulation.Benchmarks;

/// <summary>Loads scenarios for benchmarks, found from the build folder upwards.</summary>
public static class BenchmarkScenarios
{
    /// <summary>
    /// The version 1 baseline exactly as version 1 ran it (the frozen file of the identity tests, with
    /// before_deployment): what "v2 must not slow v1 scenarios" is measured on.
    /// </summary>
    public const string VersionOneBaseline = "v1:donbas-baseline";

    /// <summary>
    /// The hindcast's workload in version 1's form: one channel, no timeline, no deadline, the same stock and dispatch.
    /// The hindcast against this is the cost of version 2's mechanisms per path-step, the workload being equal.
    /// </summary>
    public const string HindcastAsVersionOne = "v1-form:hindcast-russia-2018-2020";

    /// <summary>
    /// The forecast with three destinations, transfers, withheld pay, money channels and a paid contingent, and the
    /// same scenario in version 2's form (none of them): the pair measures what version 3 costs per path-step.
    /// </summary>
    public const string Forecast = "forecast-2027-2031";

    /// <summary>The forecast without version 3's keys.</summary>
    public const string ForecastAsVersionTwo = "v2-form:forecast-2027-2031";

    /// <summary>
    /// A version 2 scenario whose workers are split between two destinations by equal shares, with a transfer between
    /// them: the same workload as the scenario itself, so the pair measures what destinations cost per path-step.
    /// </summary>
    public const string TwoDestinations = "two-destinations:donbas-baseline";

    /// <summary>
    /// The same scenario in version 2's form with as many cells drawing as <see cref="TwoDestinations"/>: its busy
    /// channel split into two channels of half the share each (the Poisson arrivals and binomial returns of two cells
    /// a month instead of one). Against it, <see cref="TwoDestinations"/> measures what destinations cost beyond the
    /// draws they add.
    /// </summary>
    public const string TwoChannels = "two-channels:donbas-baseline";

    /// <summary><see cref="TwoDestinations"/> without its transfer: destinations alone.</summary>
    public const string TwoDestinationsWithoutTransfer = "two-destinations-still:donbas-baseline";

    /// <summary>The repository root, found from the build folder upwards.</summary>
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Simulation.sln")))
            {
                folder = folder.Parent;
            }
            return folder?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>The shipped hindcast with its runs and months, and the permit record it is calibrated on.</summary>
    public static (Scenario Scenario, List<Simulation.Core.Calibration.Observation> Record) HindcastAndRecord()
    {
        var result = ScenarioReader.LoadFile(Path.Combine(Root, "scenarios", "hindcast-russia-2018-2020.yaml"));
        var scenario = result.Scenario ?? throw new InvalidOperationException(string.Join("\n", result.Problems));
        var problems = new ProblemList();
        var record = Simulation.IO.Calibration.ObservationReader.ReadFile(Path.Combine(Root, "data", "observed", "russia-permits-2018-2020.csv"),
            scenario, problems) ?? throw new InvalidOperationException(string.Join("\n", problems.Items));
        return (scenario, record);
    }

    public static Scenario Load(string name, long runs, int months = 60)
    {
        if (name.StartsWith("v1-form:", StringComparison.Ordinal))
        {
            var full = Load(name["v1-form:".Length..], runs, months);
            return full with { Channels = [], Timeline = [], Repatriation = [], Contingents = [] };
        }
        if (name.StartsWith("two-destinations:", StringComparison.Ordinal) || name.StartsWith("two-destinations-still:", StringComparison.Ordinal))
        {
            bool still = name.StartsWith("two-destinations-still:", StringComparison.Ordinal);
            var full = Load(name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..], runs, months);
            var half = Simulation.Core.Distributions.InputDistribution.Fixed(0.5);
            return full with
            {
                Destinations = [new Destination("a", half), new Destination("b", half)],
                Transfers = still ? [] : [new Transfer("a", "b", Simulation.Core.Distributions.InputDistribution.Fixed(0.01))],
            };
        }
        if (name.StartsWith("two-channels:", StringComparison.Ordinal))
        {
            var full = Load(name["two-channels:".Length..], runs, months);
            var busy = full.Channels.Single(c => c.SubstituteTo is null);
            var half = Simulation.Core.Distributions.InputDistribution.Fixed(busy.Share.Mean / 2);
            return full with
            {
                Channels = [.. full.Channels.Where(c => c != busy), busy with { Share = half }, busy with { Name = busy.Name + "_b", Share = half }],
            };
        }
        if (name.StartsWith("v2-form:", StringComparison.Ordinal))
        {
            var full = Load(name["v2-form:".Length..], runs, months);
            var reduced = full with
            {
                Destinations = [],
                Transfers = [],
                MoneyChannels = [],
                Pay = full.Pay with { WithheldPerMonth = Simulation.Core.Distributions.InputDistribution.Fixed(0) },
                Contingents = [.. full.Contingents.Select(c => c with { PayPerMonth = Simulation.Core.Distributions.InputDistribution.Fixed(0), Destination = null })],
                Timeline = [.. full.Timeline.Select(e => e with { Settings = [.. e.Settings.Where(s => !s.KeyPath.StartsWith("money_channels.", StringComparison.Ordinal) && !s.KeyPath.StartsWith("transfers[", StringComparison.Ordinal))] })
                    .Where(e => e.Settings.Count > 0)],
            };
            // The posterior's columns for what version 2 has not (money channels, withheld pay, their timeline
            // entries) go too: the rest of its particles keep the draws the same as the forecast's.
            var posterior = reduced.Posterior;
            foreach (string key in full.Posterior?.KeyPaths ?? [])
            {
                if (reduced.Find(key) is not { } input || input.Distribution.IsFixed)
                {
                    posterior = posterior?.Without(key);
                }
            }
            return reduced with { Posterior = posterior };
        }
        string root = Root;
        var overrides = new List<ScenarioOverride>
        {
            new("runs", runs.ToString(CultureInfo.InvariantCulture), "benchmark"),
            new("months", months.ToString(CultureInfo.InvariantCulture), "benchmark"),
        };
        string path = Path.Combine(root, "scenarios", name + ".yaml");
        if (name.StartsWith("v1:", StringComparison.Ordinal))
        {
            path = Path.Combine(root, "tests", "Simulation.IO.Tests", "Golden", "v1-scenarios", name[3..] + ".yaml");
            overrides.Add(new("enforcement.before_deployment", "true", "benchmark"));
        }
        var result = ScenarioReader.LoadFile(path, overrides);
        return result.Scenario ?? throw new InvalidOperationException(string.Join("\n", result.Problems));
    }
}
