using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Random;
using Simulation.Testing;

namespace Simulation.Core.Tests.Model;

/// <summary>
/// The static rule that lets summaries skip series (<see cref="CompiledScenario.AlwaysZero"/> and
/// <see cref="CompiledScenario.SeriesCopies"/>): on random scenarios with closed channels, every series it calls zero
/// is 0 and every copy equals its source, in every run and month; and a run's summaries are those of a run that
/// summarises every series.
/// </summary>
public class EmptyChannelRuleTests
{
    /// <summary>A random valid scenario with some channels closed for good (open fixed at 0) and the rest as drawn.</summary>
    internal static Scenario WithClosedChannels(long index)
    {
        var scenario = InvariantPropertyTests.RandomScenario(index);
        var rng = StreamKey.Generator(7, index, 0);
        var channels = scenario.Channels.ToList();
        for (int c = 0; c < channels.Count; c++)
        {
            if (rng.NextDouble() < 0.6)
            {
                channels[c] = channels[c] with { Open = InputDistribution.Fixed(0) };
            }
        }
        // Half the scenarios keep their orders, contingents and timeline (which the rule must see through), half drop them.
        bool plain = rng.NextDouble() < 0.5;
        return scenario with
        {
            Channels = channels,
            Repatriation = plain ? [] : scenario.Repatriation,
            Contingents = plain ? [] : scenario.Contingents,
            Timeline = plain && rng.NextDouble() < 0.5 ? [] : scenario.Timeline,
            Supply = rng.NextDouble() < 0.5 ? scenario.Supply with { InitialWorkers = InputDistribution.Fixed(0) } : scenario.Supply,
        };
    }

    [Fact]
    public void RandomScenarios_SeriesTheRuleSkipsAreZeroOrCopiesInEveryRunAndMonth()
    {
        int zeroSeries = 0, copySeries = 0, overflows = 0;
        for (long index = 0; index < 300; index++)
        {
            var scenario = WithClosedChannels(index);
            var compiled = CompiledScenario.Of(scenario);
            for (int s = 0; s < compiled.Series.Count; s++)
            {
                zeroSeries += compiled.AlwaysZero[s] && s >= OutputCatalogue.SeriesCount ? 1 : 0;
                copySeries += compiled.SeriesCopies[s] >= 0 ? 1 : 0;
            }
            try
            {
                for (long run = 0; run < 20; run++)
                {
                    var (months, _, _) = RecordingSink.Run(scenario, run);
                    foreach (var month in months)
                    {
                        for (int s = 0; s < compiled.Series.Count; s++)
                        {
                            string where = $"scenario {index}, run {run}, series {compiled.Series[s].Name}";
                            if (compiled.AlwaysZero[s])
                            {
                                Assert.True(BitConverter.DoubleToInt64Bits(month.Values[s]) == 0, where + $" is {month.Values[s]}, not +0");
                            }
                            if (compiled.SeriesCopies[s] is int source and >= 0)
                            {
                                Assert.True(BitConverter.DoubleToInt64Bits(month.Values[s]) == BitConverter.DoubleToInt64Bits(month.Values[source]), where);
                            }
                        }
                    }
                }
            }
            catch (ModelOverflowException)
            {
                overflows++;
            }
        }
        // Not vacuous: the rule fired on many of these scenarios, and the generator keeps overflows rare.
        Assert.True(zeroSeries >= 100, $"only {zeroSeries} channel series called zero");
        Assert.True(copySeries >= 40, $"only {copySeries} series called copies");
        Assert.True(overflows < 30, $"{overflows} overflows");
    }

    [Fact]
    public void Baseline_PermitChannelIsZeroAndStudyChannelCopiesTheTotals()
    {
        var compiled = CompiledScenario.Of(TestScenarios.Shipped("donbas-baseline"));
        int permit = OutputCatalogue.SeriesCount, study = OutputCatalogue.SeriesCount + 2;
        Assert.True(compiled.AlwaysZero[permit] && compiled.AlwaysZero[permit + 1]);
        Assert.Equal((int)Series.Workers, compiled.SeriesCopies[study]);
        Assert.Equal((int)Series.Arrivals, compiled.SeriesCopies[study + 1]);
    }

    [Fact]
    public void Baseline_SummariesWithTheRuleEqualSummariesOfEverySeries()
    {
        // The same runs summarised twice: once as shipped (the permit channel counted as zeros, the study channel's
        // sketches and moments copied), once with every series stored and summarised.
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "3000"));
        var compiled = CompiledScenario.Of(scenario);
        var layout = SummaryLayout.Of(compiled);
        var inputs = new double[compiled.Parameters.Length];
        var skipping = new SummaryAccumulator(compiled.Series, layout, compiled.AlwaysZero, compiled.SeriesCopies);
        var everything = new SummaryAccumulator(compiled.Series, layout);
        var skippingBlock = new Simulation.Core.Summaries.MomentBlock(layout.Cells);
        var everythingBlock = new Simulation.Core.Summaries.MomentBlock(layout.Cells);
        skipping.BeginBlock(skippingBlock);
        everything.BeginBlock(everythingBlock);
        for (long run = 0; run < scenario.Runs; run++)
        {
            LaborMigrationModel.SampleInputs(compiled, run, inputs);
            var a = new SummarySink(skipping, null, 0);
            LaborMigrationModel.Simulate(compiled, run, inputs, ref a);
            var b = new SummarySink(everything, null, 0);
            LaborMigrationModel.Simulate(compiled, run, inputs, ref b);
        }
        skipping.EndBlock();
        everything.EndBlock();
        var sketches = skipping.Sketches.ToArray();
        layout.CopySketches(sketches, compiled.SeriesCopies);
        for (int cell = 0; cell < layout.Cells; cell++)
        {
            var (expected, actual) = (everythingBlock.Summary(cell), skippingBlock.Summary(cell));
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(Bits(expected.Mean, expected.SumSquaredDeviations, expected.Min, expected.Max), Bits(actual.Mean, actual.SumSquaredDeviations, actual.Min, actual.Max));
            var (full, skipped) = (everything.Sketches[cell].Export(), sketches[cell].Export());
            Assert.Equal(full.ZeroCount, skipped.ZeroCount);
            Assert.Equal(full.PositiveCounts.Length == 0 ? 0 : full.PositiveFirstKey, skipped.PositiveCounts.Length == 0 ? 0 : skipped.PositiveFirstKey);
            Assert.Equal(full.PositiveCounts, skipped.PositiveCounts);
            Assert.Equal(full.NegativeCounts, skipped.NegativeCounts);
        }
    }

    private static long[] Bits(params double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
