using System.Text;
using System.Text.Json.Nodes;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Output;

/// <summary>
/// docs/model.md, exact case "version 1 unchanged": a version 1 scenario run with <c>enforcement.before_deployment: true</c>
/// gives version 1's numbers bit for bit. Golden/v1-scenarios holds the five scenarios as version 1 shipped them, and
/// the v1-*.csv/json files what laborsim's model version 1 wrote for them; both are frozen (UPDATE_GOLDEN never rewrites
/// them). Every metric, series and probability they hold must come out the same, text for text, while version 2's
/// additions (new series and metrics, version fields) may stand beside them.
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
        var rows = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
        var lines = frozen.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 5);
        foreach (string line in lines)
        {
            Assert.True(rows.Contains(line), $"version 1's row is not in version 2's output: {line}");
        }
    }

    private static void SameSummaryNumbers(string frozenFile, MonteCarloResult result)
    {
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(result, stream);
        var actual = JsonNode.Parse(Encoding.UTF8.GetString(stream.ToArray()))!;
        var frozen = JsonNode.Parse(File.ReadAllText(Golden(frozenFile)))!;
        int compared = 0;
        foreach (string section in new[] { "metrics", "series", "probabilities" })
        {
            foreach (var (name, value) in frozen[section]!.AsObject())
            {
                Assert.Equal(value!.ToJsonString(), actual[section]![name]?.ToJsonString());
                compared++;
            }
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
