using System.Text;
using System.Text.Json.Nodes;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Output;

/// <summary>
/// docs/model.md, exact case "version 1 unchanged": a version 1 scenario run with <c>enforcement.before_deployment: true</c>
/// gives version 1's numbers. Golden/v1-scenarios holds the five scenarios as version 1 shipped them, and the
/// v1-*.csv/json files what laborsim's model version 1 wrote for them; both are frozen (UPDATE_GOLDEN never rewrites
/// them). Until issue 14 replaced the Poisson sampler (PTRS by Ahrens and Dieter's PD, commit 7db7f54 being the last
/// before it) these tests required every number text for text. A different exact sampler maps the same random
/// stream to different worker counts with the same distribution, so since then: everything the Poisson draws
/// cannot reach (the ceasefire, the run counts, the fields) is still required text for text, and every mean and
/// probability within 5 standard errors of version 1's (both samples' errors combined; the runs share their
/// streams, so the true differences are far smaller than that tolerance).
/// </summary>
public class VersionOneIdentityTests
{
    private static string Golden(string name) => Path.Combine(TestScenarios.RepositoryRoot, "tests", "Simulation.IO.Tests", "Golden", name);

    private static MonteCarloResult RunVersionOne(string scenario, int runs, int months)
    {
        var loaded = ScenarioReader.LoadFile(Golden($"v1-scenarios/{scenario}.yaml"),
        [
            new("runs", runs.ToString(System.Globalization.CultureInfo.InvariantCulture), "test"),
            new("months", months.ToString(System.Globalization.CultureInfo.InvariantCulture), "test"),
            new("enforcement.before_deployment", "true", "test"),
        ]);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        return MonteCarloRunner.Run(loaded.Scenario!, new RunnerOptions { Threads = 2 });
    }

    private static void EveryFrozenRowIsPresent(string frozen, string actual)
    {
        // The numbers are compared through summary.json; here every row (metric, or series and month) must still be written.
        static string Key(string row) => string.Join(',', row.Split(',').Take(2));
        var keys = actual.Split('\n').Select(Key).ToHashSet(StringComparer.Ordinal);
        var lines = frozen.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 5);
        foreach (string line in lines)
        {
            Assert.True(keys.Contains(Key(line)), $"version 1's row is not in version 2's output: {line}");
        }
    }

    private static void SameMean(JsonNode frozen, JsonNode actual, string what)
    {
        if (frozen["mean"] is null)
        {
            // No run had a value (a censored metric): nothing to compare but that this still holds.
            Assert.Equal(frozen.ToJsonString(), actual.ToJsonString());
            return;
        }
        double standardError = Math.Sqrt(Math.Pow(frozen["se"]!.GetValue<double>(), 2) + Math.Pow(actual["se"]!.GetValue<double>(), 2));
        StatisticalAssert.Near(frozen["mean"]!.GetValue<double>(), actual["mean"]!.GetValue<double>(), standardError, what);
    }

    private static void SameSummaryNumbers(string frozenFile, MonteCarloResult result)
    {
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(result, stream);
        var actual = JsonNode.Parse(Encoding.UTF8.GetString(stream.ToArray()))!;
        var frozen = JsonNode.Parse(File.ReadAllText(Golden(frozenFile)))!;
        int compared = 0;
        foreach (var (name, value) in frozen["metrics"]!.AsObject())
        {
            var now = actual["metrics"]![name]!;
            if (name == "ceasefire_month")
            {
                Assert.Equal(value!.ToJsonString(), now.ToJsonString());
            }
            SameMean(value!, now, $"{frozenFile} metric {name}");
            compared++;
        }
        foreach (var (name, value) in frozen["series"]!.AsObject())
        {
            var months = value!.AsArray();
            var now = actual["series"]![name]!.AsArray();
            Assert.Equal(months.Count, now.Count);
            for (int t = 0; t < months.Count; t++)
            {
                SameMean(months[t]!, now[t]!, $"{frozenFile} series {name} month {t}");
            }
            compared++;
        }
        var probabilities = frozen["probabilities"]!;
        var actualProbabilities = actual["probabilities"]!;
        Assert.Equal(probabilities["ceasefire_by_horizon"]!.ToJsonString(), actualProbabilities["ceasefire_by_horizon"]!.ToJsonString());
        foreach (string name in new[] { "enforced_by_horizon", "ceasefire_by_horizon" })
        {
            double standardError = Math.Sqrt(Math.Pow(probabilities[name + "_se"]!.GetValue<double>(), 2) + Math.Pow(actualProbabilities[name + "_se"]!.GetValue<double>(), 2));
            StatisticalAssert.Near(probabilities[name]!.GetValue<double>(), actualProbabilities[name]!.GetValue<double>(), standardError, $"{frozenFile} {name}");
            compared += 2;
        }
        Assert.Equal(8 + 8 + 4, compared);
        foreach (string field in new[] { "scenario", "seed", "runs", "months", "start", "quantile_relative_error" })
        {
            Assert.Equal(frozen[field]!.ToJsonString(), actual[field]!.ToJsonString());
        }
        Assert.Equal(1, frozen["model_version"]!.GetValue<int>());
        Assert.Equal(2, actual["model_version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("donbas-baseline")]
    [InlineData("early-ceasefire")]
    [InlineData("monitoring-collapse")]
    [InlineData("no-ceasefire")]
    [InlineData("strong-enforcement")]
    public void SummaryJson_EveryVersionOneScenario_SameMetricsSeriesAndProbabilities(string scenario) =>
        SameSummaryNumbers($"v1-{scenario}-2000x24.summary.json", RunVersionOne(scenario, 2000, 24));

    [Fact]
    public void SummaryJson_BaselineGolden_SameMetricsSeriesAndProbabilities() =>
        SameSummaryNumbers("v1-donbas-baseline-3000x12.summary.json", RunVersionOne("donbas-baseline", 3000, 12));

    [Fact]
    public void Csv_BaselineGolden_SameRowsAsVersionOne()
    {
        var result = RunVersionOne("donbas-baseline", 3000, 12);
        var metrics = new StringWriter();
        MetricsCsvWriter.Write(result, metrics);
        EveryFrozenRowIsPresent(File.ReadAllText(Golden("v1-donbas-baseline-3000x12.metrics.csv")), metrics.ToString());
        var series = new StringWriter();
        SeriesCsvWriter.Write(result, series);
        EveryFrozenRowIsPresent(File.ReadAllText(Golden("v1-donbas-baseline-3000x12.series.csv")), series.ToString());
    }
}
