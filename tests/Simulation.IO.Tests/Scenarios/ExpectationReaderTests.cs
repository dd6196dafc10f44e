using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Requests;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Scenarios;

/// <summary><c>expect:</c>: the claims a scenario file makes about its own results, what loads, every refusal, and how a run judges them.</summary>
public sealed class ExpectationReaderTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-expect").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private static string Baseline => Path.Combine(TestScenarios.RepositoryRoot, "scenarios", "donbas-baseline.yaml");

    private string Write(string name, string text)
    {
        string path = Path.Combine(_work, name);
        File.WriteAllText(path, $"extends: {Baseline}\nscenario: expect-test\nruns: 4000\n" + text);
        return path;
    }

    private static Scenario Load(string path)
    {
        var loaded = ScenarioReader.LoadFile(path);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        return loaded.Scenario!;
    }

    [Fact]
    public void Claims_Load_WithMonthsAsIndices_AndAreNotInheritedByAVariant()
    {
        var scenario = Load(Write("good.yaml", """
            expect:
              - {says: "about two years", median: ceasefire_month, between: [2024-03, 2025-03]}
              - {says: "mean peak", mean: peak_workers, between: [1000, 50000]}
              - {says: "weak", probability: enforced_by_horizon, between: [0, 0.5]}
              - {says: "big money is rare", probability: "remittances_usd > 1e9", between: [0, 0.1]}
            """));
        var claims = scenario.Expectations;
        Assert.Equal([ExpectedQuantity.Median, ExpectedQuantity.Mean, ExpectedQuantity.ByHorizon, ExpectedQuantity.ShareAbove], claims.Select(c => c.Quantity));
        // The start is 2022-09: 2024-03 is month 18 and 2025-03 month 30.
        Assert.Equal((18.0, 30.0), (claims[0].Low, claims[0].High));
        Assert.Equal(Metric.CeasefireMonth, claims[0].Metric);
        Assert.Equal(HorizonProbability.Enforced, claims[2].Probability);
        Assert.Equal((Metric.RemittancesUsd, 1e9), (claims[3].Metric, claims[3].Above));

        // A variant makes its own claims: the baseline's would speak of assumptions the variant changes.
        File.WriteAllText(Path.Combine(_work, "variant.yaml"), "extends: good.yaml\nscenario: variant\n");
        Assert.Empty(Load(Path.Combine(_work, "variant.yaml")).Expectations);

        // The scenario as run keeps its claims, and loads again to the same ones.
        var document = ScenarioReader.LoadFile(Path.Combine(_work, "good.yaml")).Document!;
        string asRun = Path.Combine(_work, "as-run.yaml");
        File.WriteAllText(asRun, document.ToYaml("as run"));
        Assert.Equal(claims, Load(asRun).Expectations);
    }

    [Fact]
    public void Run_JudgesEachClaim_ShareCountedExactly()
    {
        var scenario = Load(Write("judged.yaml", """
            expect:
              - {says: "about two years", median: ceasefire_month, between: [2024-03, 2025-03]}
              - {says: "a ceasefire is certain", probability: ceasefire_by_horizon, between: [0.99, 1]}
              - {says: "big money", probability: "remittances_usd > 5e8", between: [0, 1]}
            """)) with { Runs = 4000 };
        var request = new RunRequest(scenario) { SaveRuns = true };
        var result = MonteCarloRunner.Run(scenario, request.RunnerOptions(2, null, CancellationToken.None));
        var outcomes = ExpectationCheck.Evaluate(result);

        Assert.True(outcomes[0].Holds);
        // never: 0.10 in the baseline, so about 82% of runs see a ceasefire by the horizon: the claim fails.
        Assert.False(outcomes[1].Holds);
        Assert.Equal(result.CeasefireByHorizon, outcomes[1].Estimate);

        // The share is the exact count over the runs (runs.csv's metric column), not the sketch's estimate.
        var table = result.RunTable!;
        int column = table.InputNames.Count + (int)Metric.RemittancesUsd;
        long above = 0;
        for (long run = 0; run < table.Runs; run++)
        {
            if (table.Row(run)[column] > 5e8)
            {
                above++;
            }
        }
        Assert.Equal((double)above / table.Runs, outcomes[2].Estimate);
        Assert.True(outcomes[2].Holds);
    }

    [Theory]
    [InlineData("expect: {says: x}\n", ":4:9: expect: must be a list of claims")]
    [InlineData("expect:\n  - {median: ceasefire_month, between: [2024-03, 2025-03]}\n", ":5:5: expect[0]: needs 'says'")]
    [InlineData("expect:\n  - {says: x, between: [0, 1]}\n", "expect[0]: needs one of mean: METRIC, median: METRIC or probability:")]
    [InlineData("expect:\n  - {says: x, mean: peak_workers, median: peak_workers, between: [0, 1]}\n", "expect[0]: takes one of mean, median and probability, got mean and median")]
    [InlineData("expect:\n  - {says: x, median: peak_worker, between: [0, 1]}\n", ":5:23: expect[0].median: unknown metric 'peak_worker'; did you mean 'peak_workers'?")]
    [InlineData("expect:\n  - {says: x, probability: sometimes, between: [0, 1]}\n", "expect[0].probability: must be enforced_by_horizon or ceasefire_by_horizon, or the share of runs above a value")]
    [InlineData("expect:\n  - {says: x, probability: \"remittances_usd > lots\", between: [0, 1]}\n", "expect[0].probability: 'lots' is not a number")]
    [InlineData("expect:\n  - {says: x, probability: enforced_by_horizon, between: [0, 50]}\n", "expect[0].between: a probability lies from 0 to 1, got [0, 50]")]
    [InlineData("expect:\n  - {says: x, mean: peak_workers, between: [9, 1]}\n", "expect[0].between: LOW must not exceed HIGH, got [9, 1]")]
    [InlineData("expect:\n  - {says: x, mean: peak_workers, between: 5}\n", "expect[0].between: must be [LOW, HIGH]")]
    [InlineData("expect:\n  - {says: x, mean: peak_workers, between: [2024-01, 2025-01]}\n", "expect[0].between")]
    [InlineData("expect:\n  - {says: x, mean: peak_workers, betwen: [0, 1]}\n", ":5:35: expect[0].betwen: unknown key; did you mean 'between'?")]
    [InlineData("expect:\n  - {says: \"\", mean: peak_workers, between: [0, 1]}\n", "expect[0].says: must be the claim in words")]
    public void BadClaims_RefusedAtTheirPosition(string text, string expected)
    {
        string path = Write("bad.yaml", text);
        var problems = ScenarioReader.LoadFile(path).Problems.Select(p => p.ToString()).ToList();
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"expected '{expected}' among:\n{string.Join("\n", problems)}");
        Assert.All(problems, p => Assert.StartsWith(path, p, StringComparison.Ordinal));
    }
}
