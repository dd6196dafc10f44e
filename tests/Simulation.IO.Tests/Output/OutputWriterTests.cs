using System.Text;
using System.Text.Json;
using Simulation.Core.Catalogue;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;
using Simulation.Testing;

namespace Simulation.IO.Tests.Output;

public class OutputWriterTests
{
    private static string SummaryWithoutElapsed(MonteCarloResult result)
    {
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(result, stream);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n').Where(l => !l.Contains("\"elapsed_seconds\""));
        return string.Join('\n', lines);
    }

    [Fact]
    public void SummaryJson_OneOrTwoOrFourThreads_ByteIdentical()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "4000"), ("months", "24"));
        string one = SummaryWithoutElapsed(MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 1 }));
        Assert.Equal(one, SummaryWithoutElapsed(MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 })));
        Assert.Equal(one, SummaryWithoutElapsed(MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 4 })));
    }

    [Fact]
    public void SummaryJson_HasEveryMetricSeriesAndMonth()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "500"), ("months", "12"));
        using var document = JsonDocument.Parse(SummaryWithoutElapsed(MonteCarloRunner.Run(scenario, new RunnerOptions())));
        var root = document.RootElement;
        Assert.Equal("donbas-baseline", root.GetProperty("scenario").GetString());
        Assert.Equal(500, root.GetProperty("runs").GetInt64());
        foreach (string metric in new[] { "peak_workers", "workers_end", "total_deployed", "worker_months", "remittances_usd", "enforcement_events", "first_enforcement_month", "ceasefire_month" })
        {
            var m = root.GetProperty("metrics").GetProperty(metric);
            foreach (string key in new[] { "count", "mean", "sd", "se", "min", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "max" })
            {
                Assert.True(m.TryGetProperty(key, out _), $"{metric}.{key}");
            }
        }
        foreach (string series in new[] { "workers", "arrivals", "returns", "expelled", "remittances_usd", "cumulative_remittances_usd", "enforced", "postwar" })
        {
            var months = root.GetProperty("series").GetProperty(series);
            Assert.Equal(12, months.GetArrayLength());
            Assert.Equal("2022-09", months[0].GetProperty("month").GetString());
            Assert.Equal("2023-08", months[11].GetProperty("month").GetString());
        }
        Assert.InRange(root.GetProperty("probabilities").GetProperty("enforced_by_horizon").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("probabilities").GetProperty("ceasefire_by_horizon").GetDouble(), 0, 1);
    }

    [Fact]
    public void Csv_Headers_AreTheContractsAndRowsComplete()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "300"), ("months", "6"));
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { SaveRuns = true });
        var series = new StringWriter();
        SeriesCsvWriter.Write(result, series);
        var seriesLines = series.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("series,month,mean,sd,p5,p10,p25,p50,p75,p90,p95", seriesLines[0]);
        Assert.Equal(1 + result.Series.Count * 6, seriesLines.Length);
        Assert.StartsWith("workers,2022-09,", seriesLines[1]);

        var metrics = new StringWriter();
        MetricsCsvWriter.Write(result, metrics);
        var metricLines = metrics.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("metric,count,mean,sd,se,min,p5,p10,p25,p50,p75,p90,p95,max", metricLines[0]);
        Assert.Equal(1 + OutputCatalogue.MetricCount, metricLines.Length);

        var runs = new StringWriter();
        RunsCsvWriter.Write(result.RunTable!, runs);
        var runLines = runs.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(301, runLines.Length);
        Assert.StartsWith("run,ceasefire.month,", runLines[0]);
        Assert.EndsWith(",first_enforcement_month,ceasefire_month,total_forced_exits,total_deaths,total_desertions,trigger_month,delivered_remittances_usd,total_contingent_revenue_usd", runLines[0]);
        Assert.All(runLines, line => Assert.Equal(runLines[0].Count(c => c == ','), line.Count(c => c == ',')));
    }

    [Fact]
    public void OutputFolder_NotCommitted_LeavesNothing()
    {
        string target = Path.Combine(Path.GetTempPath(), "laborsim-test-" + Guid.NewGuid().ToString("N"));
        using (var folder = OutputFolder.Begin(target, false, "run"))
        {
            File.WriteAllText(folder.File("summary.json"), "{}");
        }
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), $".{Path.GetFileName(target)}*"));
    }

    [Fact]
    public void OutputFolder_Committed_ReplacesThePreviousLaborsimFolderWhole()
    {
        string target = Path.Combine(Path.GetTempPath(), "laborsim-test-" + Guid.NewGuid().ToString("N"));
        using (var first = OutputFolder.Begin(target, false, "run"))
        {
            File.WriteAllText(first.File("old.txt"), "old");
            first.Commit();
        }
        Assert.Equal("already holds an output", OutputFolder.Refusal(target, force: false, "run")![(target.Length + 1)..][..23]);
        Assert.Null(OutputFolder.Refusal(target, force: true, "run"));
        using (var folder = OutputFolder.Begin(target, true, "run"))
        {
            File.WriteAllText(folder.File("summary.json"), "{}");
            folder.Commit();
        }
        Assert.True(File.Exists(Path.Combine(target, "summary.json")));
        Assert.True(File.Exists(Path.Combine(target, OutputFolder.MarkerFile)));
        Assert.False(File.Exists(Path.Combine(target, "old.txt")));
        Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), Path.GetFileName(target) + ".previous-*"));
        Directory.Delete(target, true);
    }

    [Fact]
    public void OutputFolder_ForeignNonEmptyFolder_IsNeverReplacedEvenWithForce()
    {
        string target = Directory.CreateTempSubdirectory("laborsim-foreign").FullName;
        File.WriteAllText(Path.Combine(target, "thesis.tex"), "precious");
        try
        {
            Assert.Contains("is not a laborsim output folder", OutputFolder.Refusal(target, force: true, "run"));
            using (var folder = OutputFolder.Begin(target, true, "run"))
            {
                var conflict = Assert.Throws<OutputConflictException>(folder.Commit);
                Assert.True(File.Exists(Path.Combine(conflict.KeptAt, OutputFolder.MarkerFile)));
                Directory.Delete(conflict.KeptAt, true);
            }
            Assert.Equal("precious", File.ReadAllText(Path.Combine(target, "thesis.tex")));
        }
        finally
        {
            Directory.Delete(target, true);
        }
    }

    [Fact]
    public void OutputFolder_TwoRunsOnOneTarget_WithoutForce_TheSecondNeverReplacesTheFirst()
    {
        // Both checked the target while it was free and both ran; the publishing rename itself refuses the second.
        string parent = Directory.CreateTempSubdirectory("laborsim-race").FullName;
        string target = Path.Combine(parent, "out");
        try
        {
            using var first = OutputFolder.Begin(target, false, "run");
            using var second = OutputFolder.Begin(target, false, "run");
            File.WriteAllText(first.File("who.txt"), "first");
            File.WriteAllText(second.File("who.txt"), "second");
            first.Commit();
            var conflict = Assert.Throws<OutputConflictException>(second.Commit);
            Assert.Equal("first", File.ReadAllText(Path.Combine(target, "who.txt")));
            Assert.Equal("second", File.ReadAllText(Path.Combine(conflict.KeptAt, "who.txt")));
            Assert.Contains("was written by another process", conflict.Message);
            Assert.Contains(conflict.KeptAt, conflict.Message);
        }
        finally
        {
            Directory.Delete(parent, true);
        }
    }

    [Fact]
    public void OutputFolder_ForceReplace_SwapsInOneStep_LeavingNoPreviousOrStagingFolder()
    {
        string parent = Directory.CreateTempSubdirectory("laborsim-swap").FullName;
        string target = Path.Combine(parent, "out");
        try
        {
            using (var old = OutputFolder.Begin(target, false, "run"))
            {
                File.WriteAllText(old.File("who.txt"), "old");
                old.Commit();
            }
            using (var replacement = OutputFolder.Begin(target, true, "run"))
            {
                File.WriteAllText(replacement.File("who.txt"), "new");
                replacement.Commit();
            }
            Assert.Equal("new", File.ReadAllText(Path.Combine(target, "who.txt")));
            Assert.Equal(["out"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
            Assert.True(AtomicRename.Supported, "this test runs on Linux, where the swap is one renameat2 call");
        }
        finally
        {
            Directory.Delete(parent, true);
        }
    }

    [Fact]
    public void OutputFolder_EmptyFolderOrFile_AreHandled()
    {
        string empty = Directory.CreateTempSubdirectory("laborsim-empty").FullName;
        Assert.Null(OutputFolder.Refusal(empty, force: false, "run"));
        using (var folder = OutputFolder.Begin(empty, false, "run"))
        {
            folder.Commit();
        }
        Assert.True(File.Exists(Path.Combine(empty, OutputFolder.MarkerFile)));
        Directory.Delete(empty, true);
        string file = Path.GetTempFileName();
        Assert.Contains("is a file", OutputFolder.Refusal(file, force: true, "run"));
        File.Delete(file);
    }

    [Fact]
    public void PartialResultOfZeroRuns_IsAValidEmptyOutput()
    {
        // Interrupted with --keep-partial before the first block finished: nothing was run, which is a result too.
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var result = MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "5000")),
            new RunnerOptions { Threads = 2, KeepPartial = true, Cancellation = cancelled.Token });
        Assert.Equal(0, result.Runs);
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(result, stream);
        using var summary = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        Assert.True(summary.RootElement.GetProperty("partial").GetBoolean());
        Assert.Equal(0, summary.RootElement.GetProperty("runs").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, summary.RootElement.GetProperty("probabilities").GetProperty("enforced_by_horizon").ValueKind);
        var metrics = new StringWriter();
        MetricsCsvWriter.Write(result, metrics);
        var series = new StringWriter();
        SeriesCsvWriter.Write(result, series);
        Assert.StartsWith("metric,count", metrics.ToString());
    }

    [Fact]
    public void OutputFolder_PreviousFolderLeftByAKill_IsPutBack_OrRemovedBesideAPublishedOne()
    {
        string parent = Directory.CreateTempSubdirectory("laborsim-previous").FullName;
        string target = Path.Combine(parent, "out");
        try
        {
            // Killed between "move the old output aside" and "move the new one in": only the old one, aside.
            string aside = target + ".previous-0123456789abcdef0123456789abcdef";
            Directory.CreateDirectory(aside);
            File.WriteAllText(Path.Combine(aside, OutputFolder.MarkerFile), "");
            File.WriteAllText(Path.Combine(aside, "who.txt"), "old");
            using (OutputFolder.Begin(target, false, "run"))
            {
                Assert.Equal("old", File.ReadAllText(Path.Combine(target, "who.txt")));
                Assert.False(Directory.Exists(aside));
            }
            // A leftover beside a published output goes.
            Directory.CreateDirectory(aside);
            File.WriteAllText(Path.Combine(aside, OutputFolder.MarkerFile), "");
            using (OutputFolder.Begin(target, true, "run"))
            {
                Assert.False(Directory.Exists(aside));
            }
        }
        finally
        {
            Directory.Delete(parent, true);
        }
    }
}
