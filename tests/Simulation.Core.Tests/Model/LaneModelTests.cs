using System.Runtime.Intrinsics;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Summaries;
using Simulation.Testing;

namespace Simulation.Core.Tests.Model;

/// <summary>
/// Runs side by side (<see cref="LaneModel"/>) give the scalar model's values bit for bit: every series of every month
/// and every metric, on random version 1 scenarios (which reach the samplers' rare branches and the overflow checks)
/// on random scenarios whose other channels are closed for good and on random scenarios with several live channels
/// (substitution, capacity cuts, timelines opening and closing them), on 100,000 runs of every shipped and version 1
/// scenario of that form and of the baseline with two live channels; and the summaries of a whole run are the same
/// either way.
/// </summary>
public class LaneModelTests
{
    /// <summary>Keeps every lane's months, lane-major, for comparison with the scalar model.</summary>
    private readonly struct LaneRecorder(double[] values, int series) : ILaneSink
    {
        public void Months(int month, ReadOnlySpan<Vector256<double>> monthValues)
        {
            int months = values.Length / (LaneModel.Lanes * series);
            for (int lane = 0; lane < LaneModel.Lanes; lane++)
            {
                for (int s = 0; s < series; s++)
                {
                    values[(lane * months + month) * series + s] = monthValues[s].GetElement(lane);
                }
            }
        }
    }

    /// <summary>A random scenario of version 1's form: InvariantPropertyTests' random scenario without version 2 and 3 mechanisms.</summary>
    private static Scenario VersionOneForm(long index)
    {
        var scenario = InvariantPropertyTests.RandomScenario(index);
        string channel = scenario.ChannelNames[0];
        bool Kept(string key) => !key.StartsWith("attrition.", StringComparison.Ordinal)
            && (!key.StartsWith("channels.", StringComparison.Ordinal) || key.StartsWith($"channels.{channel}.", StringComparison.Ordinal));
        return scenario with
        {
            Channels = scenario.Channels.Count > 0 ? [scenario.Channels[0] with { SubstituteTo = null }] : [],
            Timeline = [.. scenario.Timeline.Where(entry => entry.Settings.All(setting => Kept(setting.KeyPath)))],
            Repatriation = [],
            Contingents = [],
            Attrition = new AttritionAssumptions(InputDistribution.Fixed(ParameterCatalogue.AttritionDeathRate.Default), InputDistribution.Fixed(ParameterCatalogue.AttritionDesertionRate.Default)),
            Destinations = [],
            Transfers = [],
            Policies = [],
        };
    }

    /// <summary>
    /// Compares runs first .. first + 3 both ways; returns false when the scalar model stops on one (then the lanes must
    /// stop with the same message).
    /// </summary>
    private static bool CompareGroup(CompiledScenario compiled, long first, string what)
    {
        int months = compiled.Months;
        int series = compiled.Series.Count;
        int parameters = compiled.Parameters.Length;
        var inputs = new double[LaneModel.Lanes * parameters];
        for (int lane = 0; lane < LaneModel.Lanes; lane++)
        {
            LaborMigrationModel.SampleInputs(compiled, first + lane, inputs.AsSpan(lane * parameters, parameters));
        }
        var scalarOutcomes = new RunOutcome[LaneModel.Lanes];
        var scalarMonths = new MonthRecord[LaneModel.Lanes][];
        string? stop = null;
        for (int lane = 0; lane < LaneModel.Lanes && stop is null; lane++)
        {
            var sink = new RecordingSink(months);
            try
            {
                LaborMigrationModel.Simulate(compiled, first + lane, inputs.AsSpan(lane * parameters, parameters), ref sink);
            }
            catch (ModelOverflowException overflow)
            {
                stop = overflow.Message;
            }
            scalarOutcomes[lane] = sink.Outcome;
            scalarMonths[lane] = sink.Months;
        }
        var values = new double[LaneModel.Lanes * months * series];
        var recorder = new LaneRecorder(values, series);
        var outcomes = new RunOutcome[LaneModel.Lanes];
        if (stop is not null)
        {
            var thrown = Assert.Throws<ModelOverflowException>(() => LaneModel.Simulate(compiled, compiled.Scenario.Seed, first, inputs, ref recorder, outcomes));
            Assert.Equal(stop, thrown.Message);
            return false;
        }
        LaneModel.Simulate(compiled, compiled.Scenario.Seed, first, inputs, ref recorder, outcomes);
        for (int lane = 0; lane < LaneModel.Lanes; lane++)
        {
            for (int t = 0; t < months; t++)
            {
                for (int s = 0; s < series; s++)
                {
                    double expected = scalarMonths[lane][t].Values[s];
                    double actual = values[(lane * months + t) * series + s];
                    if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
                    {
                        Assert.Fail($"{what}, run {first + lane}, month {t}, {compiled.Series[s].Name}: scalar {expected:R}, lanes {actual:R}");
                    }
                }
            }
            for (int m = 0; m < OutputCatalogue.MetricCount; m++)
            {
                double expected = scalarOutcomes[lane][(Metric)m];
                double actual = outcomes[lane][(Metric)m];
                if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
                {
                    Assert.Fail($"{what}, run {first + lane}, metric {(Metric)m}: scalar {expected:R}, lanes {actual:R}");
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Every value of the first 100,000 runs of <paramref name="scenario"/> (at least its own runs) side by side is the
    /// scalar model's: the exact cases of docs/model.md that check the scalar model's runs one by one call this, so
    /// their known answers hold for the lanes too.
    /// </summary>
    internal static void AssertSameSideBySide(Scenario scenario, string what)
    {
        var compiled = CompiledScenario.Of(scenario);
        Assert.True(LaneModel.Applies(compiled), $"{what} does not run side by side");
        for (long first = 0; first < Math.Max(scenario.Runs, 100_000); first += LaneModel.Lanes)
        {
            Assert.True(CompareGroup(compiled, first, what));
        }
    }

    [Fact]
    public void RandomVersionOneScenarios_EveryValueIsTheScalarModels()
    {
        Assert.True(Vector256.IsHardwareAccelerated, "this machine has no 256-bit vectors: the lanes are not used here");
        int compared = 0;
        for (long index = 0; index < 400; index++)
        {
            var compiled = CompiledScenario.Of(VersionOneForm(index));
            Assert.True(LaneModel.Applies(compiled), $"random scenario {index} is of version 1's form");
            for (long first = 0; first < 40; first += LaneModel.Lanes)
            {
                compared += CompareGroup(compiled, first, $"random scenario {index}") ? 1 : 0;
            }
        }
        Assert.True(compared > 3000, $"only {compared} groups compared");
    }

    [Fact]
    public void RandomScenariosWithClosedChannels_EveryValueIsTheScalarModels()
    {
        // Two or three channels, all but one closed for good (as the shipped scenarios' permits): the lanes run the live one.
        int eligible = 0, fed = 0;
        for (long index = 0; index < 600; index++)
        {
            var closed = EmptyChannelRuleTests.WithClosedChannels(index);
            var compiled = CompiledScenario.Of(closed with
            {
                Attrition = new AttritionAssumptions(InputDistribution.Fixed(0), InputDistribution.Fixed(0)),
                Destinations = [],
                Transfers = [],
                Policies = [],
                Timeline = [.. closed.Timeline.Where(entry => entry.Settings.All(setting => !setting.KeyPath.StartsWith("attrition.", StringComparison.Ordinal)))],
            });
            if (!LaneModel.Applies(compiled))
            {
                continue;
            }
            eligible++;
            int live = LaneModel.LiveChannel(compiled);
            fed += compiled.ChannelCount > 1 && LaneModel.FeedingChannel(compiled, live) >= 0 ? 1 : 0;
            for (long first = 0; first < 20; first += LaneModel.Lanes)
            {
                CompareGroup(compiled, first, $"closed-channel scenario {index}");
            }
        }
        Assert.True(eligible >= 30 && fed >= 5, $"{eligible} scenarios ran side by side, {fed} with a closed channel passing its share on");
    }

    /// <summary>
    /// A random scenario with two or three channels of which at least two can take workers (InvariantPropertyTests'
    /// random scenario without orders, contingents, attrition, destinations or policies); null when fewer than two can.
    /// </summary>
    private static Scenario? SeveralLiveChannels(long index)
    {
        var scenario = InvariantPropertyTests.RandomScenario(index);
        if (scenario.Channels.Count < 2)
        {
            return null;
        }
        var several = scenario with
        {
            Repatriation = [],
            Contingents = [],
            Attrition = new AttritionAssumptions(F(0), F(0)),
            Destinations = [],
            Transfers = [],
            Policies = [],
            Timeline = [.. scenario.Timeline.Where(entry => entry.Settings.All(setting => !setting.KeyPath.StartsWith("attrition.", StringComparison.Ordinal)))],
        };
        return LaneModel.LiveChannel(CompiledScenario.Of(several)) < 0 ? several : null;
    }

    [Fact]
    public void RandomScenariosWithSeveralLiveChannels_EveryValueIsTheScalarModels()
    {
        int eligible = 0, substituting = 0, capped = 0, compared = 0;
        for (long index = 0; index < 500; index++)
        {
            if (SeveralLiveChannels(index) is not { } scenario)
            {
                continue;
            }
            var compiled = CompiledScenario.Of(scenario);
            Assert.True(LaneModel.Applies(compiled), $"random scenario {index} has version 2's form at one destination");
            eligible++;
            substituting += scenario.Channels.Any(channel => channel.SubstituteTo is not null) ? 1 : 0;
            capped += double.IsFinite(scenario.Supply.DepartureCapacity.Mean) ? 1 : 0;
            for (long first = 0; first < 40; first += LaneModel.Lanes)
            {
                compared += CompareGroup(compiled, first, $"several-channel scenario {index}") ? 1 : 0;
            }
        }
        Assert.True(eligible >= 100 && substituting >= 50 && capped >= 40 && compared >= 1000,
            $"{eligible} scenarios with several live channels, {substituting} substituting, {capped} with a departure capacity, {compared} groups compared");
    }

    [Fact]
    public void BaselineWithTwoLiveChannels_100000Runs_EveryValueIsTheScalarModels()
    {
        // The shipped baseline with its study channel split into two of half the share each, the closed permit channel
        // passing its blocked share to the first (the benchmarks' "two-channels:donbas-baseline").
        var compiled = CompiledScenario.Of(TwoLiveChannels(TestScenarios.Shipped("donbas-baseline")));
        Assert.True(LaneModel.Applies(compiled) && LaneModel.LiveChannel(compiled) < 0);
        for (long first = 0; first < 100_000; first += LaneModel.Lanes)
        {
            Assert.True(CompareGroup(compiled, first, "baseline with two live channels"));
        }
    }

    private static Scenario TwoLiveChannels(Scenario baseline)
    {
        var study = baseline.Channels.Single(channel => channel.SubstituteTo is null);
        var half = F(study.Share.Mean / 2);
        return baseline with { Channels = [.. baseline.Channels.Where(c => c != study), study with { Share = half }, study with { Name = "study_b", Share = half }] };
    }

    private static InputDistribution F(double value) => InputDistribution.Fixed(value);

    /// <summary><paramref name="scenario"/> with two open channels of equal share, each losing <paramref name="fee"/> of its remittances.</summary>
    private static Scenario TwoOpenChannels(Scenario scenario, double fee)
    {
        ChannelAssumptions Channel(string name) => new(name, F(0.5), null, F(1), null, F(0), F(1), F(fee));
        return scenario with { Channels = [Channel("permit"), Channel("study")] };
    }

    public static TheoryData<string, bool> Overflows()
    {
        var data = new TheoryData<string, bool>();
        foreach (string what in (string[])["initial workers", "intended dispatch", "remittances", "a later lane only"])
        {
            data.Add(what, false);
            data.Add(what, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Overflows))]
    public void Overflow_StopsWhereAndAsTheScalarModelStops(string what, bool severalChannels)
    {
        var quiet = TestScenarios.Quiet(months: 24, runs: 8);
        if (severalChannels)
        {
            quiet = TwoOpenChannels(quiet, fee: 0.1);
        }
        var scenario = what switch
        {
            "initial workers" => quiet with { Supply = new SupplyAssumptions(F(0), F(0), F(2e15)) },
            "intended dispatch" => quiet with
            {
                Ceasefire = new CeasefireAssumptions(F(3), F(0)),
                Demand = new DemandAssumptions(F(0), F(1e17), F(1)),
                Supply = new SupplyAssumptions(F(1e17), F(1e17), F(0)),
            },
            "remittances" => quiet with { Supply = new SupplyAssumptions(F(0), F(0), F(1000)), Pay = quiet.Pay with { WagePerMonth = F(1e306), FxDriftPerMonth = F(-1) } },
            _ => quiet with { Supply = new SupplyAssumptions(F(0), F(0), InputDistribution.Uniform(0, 1.5e15)) },
        };
        var compiled = CompiledScenario.Of(scenario);
        Assert.True(LaneModel.Applies(compiled) && (LaneModel.LiveChannel(compiled) < 0) == severalChannels);
        int stopped = 0;
        for (long first = 0; first < 8; first += LaneModel.Lanes)
        {
            stopped += CompareGroup(compiled, first, what) ? 0 : 1;
        }
        Assert.True(stopped > 0, $"{what}: no group reached the overflow check");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TotalsBeyondTwoToThe53_AreTheScalarModelsExactSums(bool severalChannels)
    {
        // 10^15 workers for 24 months: 2.4 x 10^16 worker-months, which a double cannot count one by one.
        var scenario = TestScenarios.Quiet(months: 24, runs: 4) with { Supply = new SupplyAssumptions(F(0), F(0), F(1e15 - 1)) };
        if (severalChannels)
        {
            scenario = TwoOpenChannels(scenario, fee: 0);
        }
        var compiled = CompiledScenario.Of(scenario);
        Assert.Equal(severalChannels, LaneModel.LiveChannel(compiled) < 0);
        Assert.True(CompareGroup(compiled, 0, "2^53"));
    }

    /// <summary>The version 1 scenarios the golden files and the NumPy peer run (as version 1 shipped them).</summary>
    private static string VersionOneFile(string name) => Path.Combine(TestScenarios.RepositoryRoot, "tests", "Simulation.IO.Tests", "Golden", "v1-scenarios", name + ".yaml");

    private static Scenario Load(string file)
    {
        var result = Simulation.IO.Scenarios.ScenarioReader.LoadFile(file, []);
        return result.Scenario ?? throw new InvalidOperationException(string.Join("\n", result.Problems));
    }

    /// <summary>Every scenario a user has of version 1's form: the shipped ones that are, and version 1's own.</summary>
    private static List<string> FormOneFiles()
    {
        var files = new List<string>();
        foreach (string file in TestScenarios.ShippedFiles().Concat(Directory.GetFiles(Path.GetDirectoryName(VersionOneFile("x"))!, "*.yaml").Order(StringComparer.Ordinal)))
        {
            if (CompiledScenario.Of(Load(file)) is var compiled && LaneModel.Applies(compiled) && LaneModel.LiveChannel(compiled) >= 0)
            {
                files.Add(Path.GetRelativePath(TestScenarios.RepositoryRoot, file));
            }
        }
        return files;
    }

    public static TheoryData<string> FormOne() => [.. FormOneFiles()];

    [Theory]
    [MemberData(nameof(FormOne))]
    public void VersionOneScenario_100000Runs_EveryValueIsTheScalarModels(string file)
    {
        var compiled = CompiledScenario.Of(Load(Path.Combine(TestScenarios.RepositoryRoot, file)));
        for (long first = 0; first < 100_000; first += LaneModel.Lanes)
        {
            Assert.True(CompareGroup(compiled, first, file));
        }
    }

    [Fact]
    public void ScenariosOfVersionOnesForm_RunSideBySide()
    {
        var files = FormOneFiles();
        Assert.Equal(5, files.Count(file => file.Contains("v1-scenarios", StringComparison.Ordinal)));
        // The shipped scenarios with a closed permit channel run side by side; those with orders, destinations or money do not.
        Assert.Contains(Path.Combine("scenarios", "donbas-baseline.yaml"), files);
        Assert.DoesNotContain(Path.Combine("scenarios", "forecast-2027-2031.yaml"), files);
        Assert.DoesNotContain(Path.Combine("scenarios", "hindcast-russia-2018-2020.yaml"), files);
    }

    [Theory]
    [InlineData(1, "version 1")]
    [InlineData(2, "version 1")]
    [InlineData(2, "shipped")]
    [InlineData(1, "two live channels")]
    [InlineData(2, "two live channels")]
    public void WholeRun_SummariesAreTheSameSideBySideAndOneByOne(int threads, string form)
    {
        // 5,003 runs: blocks of 1,024, chunks of 64, and three runs left over for the scalar model. The shipped baseline
        // has a closed channel, whose series the summaries count as zeros or copies.
        var full = form switch
        {
            "version 1" => Load(VersionOneFile("donbas-baseline")),
            "shipped" => TestScenarios.Shipped("donbas-baseline"),
            _ => TwoLiveChannels(TestScenarios.Shipped("donbas-baseline")),
        };
        var scenario = full with { Runs = 5003, Months = 30 };
        Assert.True(LaneModel.Applies(CompiledScenario.Of(scenario)));
        var lanes = MonteCarloRunner.RunBlocks(scenario, 0, long.MaxValue, new RunnerOptions { Threads = threads });
        var single = MonteCarloRunner.RunBlocks(scenario, 0, long.MaxValue, new RunnerOptions { Threads = threads, SideBySide = false });
        Assert.Equal(single.Runs, lanes.Runs);
        Assert.Equal(single.Nodes.Count, lanes.Nodes.Count);
        for (int n = 0; n < single.Nodes.Count; n++)
        {
            Assert.Equal(single.Nodes[n].Cells, lanes.Nodes[n].Cells);
        }
        for (int cell = 0; cell < single.Sketches.Count; cell++)
        {
            SketchData a = single.Sketches[cell], b = lanes.Sketches[cell];
            Assert.Equal((a.ZeroCount, a.PositiveFirstKey, a.NegativeFirstKey), (b.ZeroCount, b.PositiveFirstKey, b.NegativeFirstKey));
            Assert.Equal(a.PositiveCounts, b.PositiveCounts);
            Assert.Equal(a.NegativeCounts, b.NegativeCounts);
        }
    }
}
