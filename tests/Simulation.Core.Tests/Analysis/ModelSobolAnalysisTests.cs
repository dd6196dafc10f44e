using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Testing;

namespace Simulation.Core.Tests.Analysis;

public class ModelSobolAnalysisTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Run_InputThatDrivesRemittances_DominatesAndIndicesAreSane(bool quasiRandom)
    {
        // With fixed workers and no flows, remittances = W * wage / S * share * months: only the wage and the
        // share vary (noise only through the exchange rate, which is switched off). Wage U(50k, 90k), share U(0.5, 0.9).
        var quiet = TestScenarios.Quiet(months: 12, runs: 1);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(InputDistribution.Fixed(0), InputDistribution.Fixed(1e9), InputDistribution.Fixed(1000)),
            Pay = new PayAssumptions(InputDistribution.Uniform(50000, 90000), InputDistribution.Fixed(90), InputDistribution.Fixed(0),
                InputDistribution.Fixed(0), InputDistribution.Uniform(0.5, 0.9)),
        };
        var (_, indices) = ModelSobolAnalysis.Run(scenario, [Metric.RemittancesUsd], 4096, 100, threads: 2, quasiRandom: quasiRandom).Single();
        Assert.Equal(["pay.wage", "pay.state_share", ModelSobolAnalysis.NoiseFactor], indices.Factors);
        // f = c * wage * share: with independent uniforms, S_wage = Var(w) E[s]^2 / Var(ws) etc. (exact product formula).
        double ew = 70000, vw = 40000.0 * 40000 / 12, es = 0.7, vs = 0.4 * 0.4 / 12;
        double v = (vw + ew * ew) * (vs + es * es) - ew * ew * es * es;
        StatisticalAssert.Near(vw * es * es / v, indices.FirstOrder[0], indices.FirstOrderSe[0], "S wage");
        StatisticalAssert.Near(vs * ew * ew / v, indices.FirstOrder[1], indices.FirstOrderSe[1], "S share");
        Assert.Equal(0, indices.Total[2], 12);
    }

    [Fact]
    public void Run_TheNoCeasefireDraw_IsAFactorWithItsClosedFormFirstOrderIndex()
    {
        // The tornado ranks "no ceasefire at all" as an input; Sobol takes it as one too, not as noise. Its first-order
        // index has a closed form in the conditional means: S = p (1 - p) (mu1 - mu0)^2 / Var(Y), here estimated
        // independently from 40,000 plain runs, whose runs.csv records each run's draw.
        var scenario = TestScenarios.Shipped("donbas-baseline", ("months", "48"));
        var (_, indices) = ModelSobolAnalysis.Run(scenario, [Metric.RemittancesUsd], 4096, 100, threads: 2).Single();
        int factor = indices.Factors.ToList().IndexOf("ceasefire.never");
        Assert.Equal(indices.Factors.Count - 2, factor);
        Assert.Equal(ModelSobolAnalysis.FactorNames(scenario), indices.Factors);

        var runs = Simulation.Core.MonteCarlo.MonteCarloRunner.Run(scenario with { Runs = 40_000, Seed = 77 }, new Simulation.Core.MonteCarlo.RunnerOptions { Threads = 2, SaveRuns = true });
        var table = runs.RunTable!;
        int neverColumn = table.InputNames.ToList().IndexOf("ceasefire.never");
        int money = table.InputNames.Count + (int)Metric.RemittancesUsd;
        double n1 = 0, sum1 = 0, sum0 = 0, sum = 0, squares = 0;
        for (long r = 0; r < table.Runs; r++)
        {
            var row = table.Row(r);
            double y = row[money];
            sum += y;
            squares += y * y;
            if (row[neverColumn] == 1)
            {
                n1++;
                sum1 += y;
            }
            else
            {
                sum0 += y;
            }
        }
        double n = table.Runs, p = n1 / n, mu1 = sum1 / n1, mu0 = sum0 / (n - n1);
        double variance = squares / n - (sum / n) * (sum / n);
        double expected = p * (1 - p) * (mu1 - mu0) * (mu1 - mu0) / variance;
        Assert.True(expected > 0.02, $"the draw should matter on the baseline: {expected}");
        // The independent estimate's own error is small next to the Sobol estimate's (40,000 runs against 4,096 rows).
        StatisticalAssert.Near(expected, indices.FirstOrder[factor], indices.FirstOrderSe[factor], "S no ceasefire at all");
        Assert.True(indices.Total[factor] >= indices.FirstOrder[factor] - 5 * indices.TotalSe[factor]);
    }

    [Fact]
    public void QuasiRandomRows_KeepTheCeasefiresNoneBeforeCondition()
    {
        // The forecast says no ceasefire came before 2027-01 (ceasefire.not_before): every run's draws are conditioned
        // on it, and the Sobol design's rows must be too (they were not: the design drew the month unconditioned).
        var forecast = TestScenarios.Shipped("forecast-2027-2031");
        var compiled = CompiledScenario.Of(forecast);
        var condition = compiled.CeasefireCondition!;
        var design = new InputSampler(Simulation.Core.Sampling.SamplingMethod.MonteCarlo, 256, compiled.Parameters, compiled.UncertainParameterIndices, compiled.StreamPurposes, compiled.Sampler?.Copula);
        var inputs = new double[compiled.Parameters.Length];
        ulong key = SobolEstimator.ReplicateKey(forecast.Seed, 0);
        for (int row = 0; row < 256; row++)
        {
            ModelSobolAnalysis.QuasiRandomRow(compiled, design, key, forecast.Seed, row, row, 0, inputs);
            Assert.True(inputs[ParameterCatalogue.CeasefireMonth.Index] >= condition.Month, $"row {row}: ceasefire month {inputs[ParameterCatalogue.CeasefireMonth.Index]} before {condition.Month}");
        }
    }

    [Fact]
    public void Run_CensoredMetric_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ModelSobolAnalysis.Run(TestScenarios.Quiet(), [Metric.CeasefireMonth], 10, 10, 1));
    }

    [Fact]
    public void Run_QuasiRandom_SameForAnyThreadCount_AndTighterThanRandom()
    {
        var quiet = TestScenarios.Quiet(months: 12, runs: 1);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(InputDistribution.Fixed(0), InputDistribution.Fixed(1e9), InputDistribution.Fixed(1000)),
            Pay = new PayAssumptions(InputDistribution.Uniform(50000, 90000), InputDistribution.Fixed(90), InputDistribution.Fixed(0),
                InputDistribution.Fixed(0), InputDistribution.Uniform(0.5, 0.9)),
        };
        var one = ModelSobolAnalysis.Run(scenario, [Metric.RemittancesUsd], 1024, 50, threads: 1).Single().Indices;
        var three = ModelSobolAnalysis.Run(scenario, [Metric.RemittancesUsd], 1024, 50, threads: 3).Single().Indices;
        Assert.Equal(one.FirstOrder, three.FirstOrder);
        Assert.Equal(one.Total, three.Total);
        // A smooth function of two inputs: the quasi-random design's error is well below the random one's over 8 seeds.
        double ew = 70000, vw = 40000.0 * 40000 / 12, es = 0.7, vs = 0.4 * 0.4 / 12;
        double exact = vw * es * es / ((vw + ew * ew) * (vs + es * es) - ew * ew * es * es);
        double Error(bool quasi) => Enumerable.Range(1, 8).Select(seed =>
        {
            var indices = ModelSobolAnalysis.Run(scenario with { Seed = seed }, [Metric.RemittancesUsd], 256, 10, threads: 2, quasiRandom: quasi).Single().Indices;
            return Math.Pow(indices.FirstOrder[0] - exact, 2);
        }).Average();
        Assert.True(Error(true) < Error(false), $"quasi-random {Error(true)}, random {Error(false)}");
    }
}
