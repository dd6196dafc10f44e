using Simulation.Core.Analysis;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Sampling;
using Simulation.Testing;

namespace Simulation.Core.Tests.Model;

public class InputSamplerTests
{
    private static Scenario Correlated(double rho, long runs) =>
        TestScenarios.Shipped("donbas-baseline", ("runs", runs.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("months", "6"))
            with
        { Correlations = [new InputCorrelation("pay.wage", "pay.state_share", rho)] };

    private static double[] Column(RunTable table, string name)
    {
        int column = table.InputNames.ToList().IndexOf(name);
        var values = new double[table.Runs];
        for (long r = 0; r < table.Runs; r++)
        {
            values[r] = table.Row(r)[column];
        }
        return values;
    }

    [Fact]
    public void Copula_AchievesTheTargetRankCorrelation_NotTheUncorrectedOne()
    {
        const int n = 200_000;
        var table = MonteCarloRunner.Run(Correlated(0.7, n), new RunnerOptions { Threads = 2, SaveRuns = true }).RunTable!;
        double achieved = RankCorrelation.Spearman(Column(table, "pay.wage"), Column(table, "pay.state_share"));
        // Standard error of Spearman's rho (Bonett and Wright 2000): (1 - rho^2) sqrt((1 + rho^2 / 2) / (n - 3)).
        double se = (1 - 0.49) * Math.Sqrt((1 + 0.49 / 2) / (n - 3));
        StatisticalAssert.Near(0.7, achieved, se, "Spearman rho of wage and state share");
        // Using 0.7 as the normal correlation itself would give (6 / pi) asin(0.35) = 0.683: well outside the tolerance.
        double uncorrected = 6 / Math.PI * Math.Asin(0.35);
        Assert.True(Math.Abs(achieved - uncorrected) > 5 * se, $"{achieved} cannot be told from the uncorrected {uncorrected}");
    }

    [Fact]
    public void Copula_KeepsTheMarginals_AndTheOtherInputsDraws()
    {
        const int n = 40_000;
        var plain = MonteCarloRunner.Run(Correlated(0, n) with { Correlations = [] }, new RunnerOptions { Threads = 2, SaveRuns = true }).RunTable!;
        var correlated = MonteCarloRunner.Run(Correlated(-0.6, n), new RunnerOptions { Threads = 2, SaveRuns = true }).RunTable!;
        foreach (string input in new[] { "pay.wage", "pay.state_share" })
        {
            // Two-sample Kolmogorov-Smirnov at the 0.1% level: D < 1.95 sqrt(2 / n).
            var a = Column(plain, input).Order().ToArray();
            var b = Column(correlated, input).Order().ToArray();
            Assert.True(KolmogorovSmirnov(a, b) < 1.95 * Math.Sqrt(2.0 / n), input);
        }
        var again = MonteCarloRunner.Run(Correlated(-0.6, n), new RunnerOptions { Threads = 3, SaveRuns = true }).RunTable!;
        Assert.Equal(correlated.Values, again.Values);
        // Inputs outside the copula keep their own streams: the same draw in every run (common random numbers).
        Assert.Equal(Column(plain, "demand.peak"), Column(correlated, "demand.peak"));
        Assert.True(RankCorrelation.Spearman(Column(correlated, "pay.wage"), Column(correlated, "pay.state_share")) < -0.55);
    }

    [Theory]
    [InlineData(SamplingMethod.LatinHypercube)]
    [InlineData(SamplingMethod.Sobol)]
    public void Designs_UseEveryStratumOnce_AndDependOnlyOnSeedRunAndRuns(SamplingMethod method)
    {
        const int n = 1024;
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "1024"), ("months", "6")) with { Sampling = method };
        var compiled = new CompiledScenario(scenario);
        var sampler = compiled.Sampler!;
        for (int d = 0; d < sampler.Dimensions; d++)
        {
            var seen = new bool[n];
            for (long r = 0; r < n; r++)
            {
                double u = sampler.Uniform(scenario.Seed, r, d);
                Assert.InRange(u, double.Epsilon, 1 - 1e-17);
                int stratum = (int)(u * n);
                Assert.False(seen[stratum], $"{method}, input {d}: stratum {stratum} twice");
                seen[stratum] = true;
            }
        }
        var one = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 1, SaveRuns = true });
        var three = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 3, SaveRuns = true });
        Assert.Equal(one.RunTable!.Values, three.RunTable!.Values);
        Assert.Equal(one.Metrics.Select(m => m.Statistics), three.Metrics.Select(m => m.Statistics));
        // Run 700's inputs, drawn alone, are the runner's.
        var inputs = new double[compiled.Parameters.Length];
        LaborMigrationModel.SampleInputs(compiled, 700, inputs);
        int wage = Array.IndexOf(compiled.ParameterNames, "pay.wage");
        Assert.Equal(inputs[wage], one.RunTable.Row(700)[one.RunTable.InputNames.ToList().IndexOf("pay.wage")]);
    }

    [Fact]
    public void LatinHypercube_RunBeyondItsRuns_Refused()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "100")) with { Sampling = SamplingMethod.LatinHypercube };
        var sampler = new CompiledScenario(scenario).Sampler!;
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Uniform(1, 100, 0));
    }

    [Theory]
    [InlineData(SamplingMethod.LatinHypercube)]
    [InlineData(SamplingMethod.Sobol)]
    public void Designs_WithCorrelations_Refused(SamplingMethod design)
    {
        // The copula reorders a design's numbers (a Latin hypercube lost its strata: 36.5% of them empty), so the
        // combination is refused instead of promising a design the runs do not have.
        var scenario = Correlated(0.5, 2_000) with { Sampling = design };
        Assert.Contains("cannot keep its strata for correlated inputs", Assert.Throws<ArgumentException>(() => new CompiledScenario(scenario)).Message);
    }

    [Fact]
    public void ImpossibleCorrelations_TheMatrixReportedIsTheOneTheRunsAchieve()
    {
        // 0.9, 0.8 and 0.0 cannot hold together: the repair is reported once, as used, and the runs achieve it.
        const int n = 100_000;
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", n.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("months", "6")) with
        {
            Correlations =
            [
                new InputCorrelation("pay.wage", "pay.state_share", 0.9),
                new InputCorrelation("pay.wage", "supply.dispatch_per_month", 0.8),
                new InputCorrelation("pay.state_share", "supply.dispatch_per_month", 0.0),
            ],
        };
        var copula = scenario.Copula()!;
        Assert.True(copula.IsRepaired);
        var table = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2, SaveRuns = true }).RunTable!;
        for (int i = 0; i < 3; i++)
        {
            for (int j = i + 1; j < 3; j++)
            {
                double used = copula.Used[i, j];
                double se = (1 - used * used) * Math.Sqrt((1 + used * used / 2) / (n - 3));
                StatisticalAssert.Near(used, RankCorrelation.Spearman(Column(table, copula.Names[i]), Column(table, copula.Names[j])), se,
                    $"rank correlation of {copula.Names[i]} and {copula.Names[j]}");
            }
        }
    }

    [Fact]
    public void Quantile_InvertsTheDistributionFunction()
    {
        InputDistribution[] distributions =
        [
            InputDistribution.Uniform(2, 5), InputDistribution.Normal(10, 2), InputDistribution.Normal(10, 2, 9, 14),
            InputDistribution.LogNormal(1, 0.5), InputDistribution.Triangular(0, 1, 4), InputDistribution.Pert(0, 1, 4),
            InputDistribution.Beta(2, 5), InputDistribution.Gamma(3, 2), InputDistribution.Exponential(7),
        ];
        foreach (var distribution in distributions)
        {
            foreach (double u in new[] { 0.001, 0.05, 0.3, 0.5, 0.77, 0.999 })
            {
                Assert.Equal(u, distribution.Cdf(distribution.Quantile(u)), 6);
            }
        }
        var discrete = InputDistribution.Discrete([1, 2, 3], [0.2, 0.5, 0.3]);
        Assert.Equal(1, discrete.Quantile(0.1));
        Assert.Equal(2, discrete.Quantile(0.5));
        Assert.Equal(3, discrete.Quantile(0.95));
    }

    private static double KolmogorovSmirnov(double[] a, double[] b)
    {
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length && j < b.Length)
        {
            double x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }
            while (j < b.Length && b[j] <= x)
            {
                j++;
            }
            d = Math.Max(d, Math.Abs((double)i / a.Length - (double)j / b.Length));
        }
        return d;
    }
}
