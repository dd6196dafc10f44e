using Simulation.Core.MonteCarlo;
using Simulation.IO.Shards;
using Simulation.Testing;

namespace Simulation.IO.Tests.Shards;

public sealed class CheckpointStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("laborsim-checkpoint").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private static SummaryState State() =>
        MonteCarloRunner.RunBlocks(TestScenarios.Shipped("donbas-baseline", ("runs", "2048"), ("months", "12")), 0, 2, new RunnerOptions { Threads = 1 });

    [Fact]
    public void Save_SameEndBlockTwice_NeverRewritesTheFileTheManifestNames()
    {
        // A resume that saves the same end block again used to truncate the very file checkpoint.json named.
        var state = State();
        CheckpointStore.Save(_folder, state, "s", "f", 1, 2048, "1.0.0");
        string first = Directory.GetFiles(_folder, "state-*.bin").Single();
        byte[] before = File.ReadAllBytes(first);
        CheckpointStore.Save(_folder, state, "s", "f", 1, 2048, "1.0.0");
        string second = Directory.GetFiles(_folder, "state-*.bin").Single();
        Assert.NotEqual(first, second);
        Assert.Equal(before, File.ReadAllBytes(second));
        var (manifest, loaded) = CheckpointStore.Load(_folder, "f", "1.0.0");
        Assert.Equal(Path.GetFileName(second), manifest.StateFile);
        Assert.Equal(state.Runs, loaded.Runs);
    }

    [Fact]
    public void Load_StateOfAnotherSeed_Refused()
    {
        CheckpointStore.Save(_folder, State(), "s", "f", 1, 2048, "1.0.0");
        string manifest = Path.Combine(_folder, "checkpoint.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"seed\": 1", "\"seed\": 2"));
        var refusal = Assert.Throws<ShardFormatException>(() => CheckpointStore.Load(_folder, "f", "1.0.0"));
        Assert.Contains("was written for another run", refusal.Message);
    }

    [Fact]
    public void Load_StateFileOutsideTheFolder_Refused()
    {
        CheckpointStore.Save(_folder, State(), "s", "f", 1, 2048, "1.0.0");
        string manifest = Path.Combine(_folder, "checkpoint.json");
        string text = File.ReadAllText(manifest);
        string name = Path.GetFileName(Directory.GetFiles(_folder, "state-*.bin").Single());
        File.WriteAllText(manifest, text.Replace(name, "/dev/zero"));
        var refusal = Assert.Throws<ShardFormatException>(() => CheckpointStore.Load(_folder, "f", "1.0.0"));
        Assert.Contains("state_file '/dev/zero'", refusal.Message);
    }

    [Fact]
    public void Lock_SecondHolder_Refused_UntilTheFirstEnds()
    {
        using (CheckpointStore.Lock(_folder))
        {
            var refusal = Assert.Throws<ShardFormatException>(() => CheckpointStore.Lock(_folder));
            Assert.Contains("another laborsim is using this checkpoint folder", refusal.Message);
        }
        using var again = CheckpointStore.Lock(_folder);
    }

    [Fact]
    public void StateFile_ThatIsAFifo_RefusedBeforeItIsOpened()
    {
        // merge opens the state file a shard.json names; a FIFO there would block the open forever.
        string fifo = Path.Combine(_folder, "state.bin");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }
        var refusal = Assert.Throws<ShardFormatException>(() => SummaryStateFormat.Read(fifo, "binding"));
        Assert.Contains("is a pipe (FIFO), not a regular file", refusal.Message);
    }
}
