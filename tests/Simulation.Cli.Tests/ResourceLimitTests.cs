namespace Simulation.Cli.Tests;

public sealed class ResourceLimitTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-limits").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    [Fact]
    public void Threads_BeyondTheCores_AreCappedWithANote()
    {
        // Each thread keeps its own summaries: memory would grow with threads that buy no speed.
        var (code, _, error) = CliHarness.Run("run", CliHarness.Baseline, "--runs", "500", "--threads", "1024", "--out", Path.Combine(_work, "t"), "--no-plots", "--quiet");
        Assert.True(code == 0, error);
        if (Environment.ProcessorCount < 1024)
        {
            Assert.Contains($"--threads 1024 is more than the {Environment.ProcessorCount} cores here; using {Environment.ProcessorCount}", error);
        }
    }

    [Fact]
    public void Tornado_TooLargeForMemory_RefusedBeforeRunning_WithTheNumbers()
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        // Enough runs that the table alone (21 columns of 8 bytes, plus working copies) exceeds half the memory.
        long runs = Math.Min(1_000_000_000, available / 2 / (21 * 8 + 40) + 1_000_000);
        var (code, _, error) = CliHarness.Run("sensitivity", CliHarness.Baseline, "--runs", runs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", Path.Combine(_work, "s"));
        Assert.Equal(2, code);
        // On a machine with much memory the table's own size limit (int.MaxValue values) speaks first.
        Assert.True(error.Contains("MiB in memory, more than half of the", StringComparison.Ordinal) || error.Contains("too many for a tornado analysis", StringComparison.Ordinal), error);
        Assert.False(Directory.Exists(Path.Combine(_work, "s")));
    }

    [Fact]
    public void ThreadMemory_GrowsWithTheHorizon_AndThreadsAreCappedByIt()
    {
        // Measured: about 177 MB a thread for 1,200 months of the baseline; the estimate must not be below that.
        var longest = Simulation.Testing.TestScenarios.Shipped("donbas-baseline", ("months", "1200"));
        long perThread = Simulation.Core.MonteCarlo.MonteCarloRunner.ThreadMemoryBytes(longest);
        Assert.InRange(perThread, 177L << 20, 400L << 20);
        Assert.True(perThread > 10 * Simulation.Core.MonteCarlo.MonteCarloRunner.ThreadMemoryBytes(Simulation.Testing.TestScenarios.Shipped("donbas-baseline", ("months", "60"))));
        var budget = Simulation.Core.Requests.ResourceBudget.Current();
        var notes = new List<string>();
        Assert.Equal(1, budget.Threads(1, [longest], notes));
        Assert.Empty(notes);
        Assert.Null(budget.HorizonRefusal(longest));
        // A budget that holds one thread's summaries and a half runs one thread, and says why.
        var tight = budget with { MemoryBytes = perThread * 3 / 2, Cores = 8 };
        Assert.Equal(1, tight.Threads(null, [longest], notes));
        Assert.Contains("using 1", Assert.Single(notes));
    }
}
