using System.Text;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;
using Simulation.Testing;

namespace Simulation.IO.Tests.Output;

/// <summary>
/// Pins the exact text of the outputs for a small run: any change to the model, the random streams, the
/// summaries or the formats shows up here. After a deliberate change, rewrite the files with
/// <c>UPDATE_GOLDEN=1 dotnet test</c> and review their diff.
/// </summary>
public class GoldenOutputTests
{
    private static readonly Lazy<MonteCarloResult> Result = new(() =>
        MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "3000"), ("months", "12")), new RunnerOptions { Threads = 2 }));

    private static string GoldenPath(string name) =>
        Path.Combine(TestScenarios.RepositoryRoot, "tests", "Simulation.IO.Tests", "Golden", name);

    private static void MatchesGolden(string name, string actual)
    {
        string path = GoldenPath(name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }
        Assert.True(File.Exists(path), $"{path} is missing; create it with UPDATE_GOLDEN=1 dotnet test");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public void MetricsCsv_SmallBaselineRun_MatchesGolden()
    {
        var writer = new StringWriter();
        MetricsCsvWriter.Write(Result.Value, writer);
        MatchesGolden("donbas-baseline-3000x12.metrics.csv", writer.ToString());
    }

    [Fact]
    public void SeriesCsv_SmallBaselineRun_MatchesGolden()
    {
        var writer = new StringWriter();
        SeriesCsvWriter.Write(Result.Value, writer);
        MatchesGolden("donbas-baseline-3000x12.series.csv", writer.ToString());
    }

    [Fact]
    public void SummaryJson_SmallBaselineRun_MatchesGoldenApartFromElapsedTime()
    {
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(Result.Value, stream);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n').Where(line => !line.Contains("\"elapsed_seconds\"", StringComparison.Ordinal));
        MatchesGolden("donbas-baseline-3000x12.summary.json", string.Join('\n', lines));
    }
}
