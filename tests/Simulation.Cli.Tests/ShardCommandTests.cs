using System.Text.Json;
using Simulation.Cli;
using Simulation.Testing;

namespace Simulation.Cli.Tests;

public sealed class ShardCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-shards").FullName;

    private static string Baseline => CliHarness.Baseline;

    public void Dispose() => Directory.Delete(_work, true);

    private static (int Code, string Out, string Error) Run(params string[] args) => CliHarness.Run(args);

    private string Shard(int index, int count, string runs = "6000", string seed = "20220901")
    {
        string folder = Path.Combine(_work, $"{seed}-{runs}-{index}-of-{count}");
        var (code, _, error) = Run("run", Baseline, "--runs", runs, "--months", "12", "--seed", seed, "--shard", $"{index}/{count}", "--out", folder, "--quiet");
        Assert.True(code == 0, error);
        return folder;
    }

    private static string WithoutElapsed(string summary) =>
        string.Join('\n', File.ReadAllLines(summary).Where(l => !l.Contains("\"elapsed_seconds\"", StringComparison.Ordinal)));

    [Fact]
    public void Merge_ShardsInAnyOrder_ByteIdenticalToOneProcess()
    {
        var shards = Enumerable.Range(0, 4).Select(i => Shard(i, 4)).Reverse().ToArray();
        string merged = Path.Combine(_work, "merged");
        var (code, _, error) = Run(["merge", .. shards, "--out", merged, "--no-plots"]);
        Assert.True(code == 0, error);
        string single = Path.Combine(_work, "single");
        Assert.Equal(0, Run("run", Baseline, "--runs", "6000", "--months", "12", "--out", single, "--no-plots", "--quiet").Code);
        Assert.Equal(WithoutElapsed(Path.Combine(single, "summary.json")), WithoutElapsed(Path.Combine(merged, "summary.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(single, "series.csv")), File.ReadAllText(Path.Combine(merged, "series.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(single, "scenario.yaml")), File.ReadAllText(Path.Combine(merged, "scenario.yaml")));
    }

    [Fact]
    public void Merge_ParentFolder_FindsItsShards()
    {
        string parent = Path.Combine(_work, "parent");
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(0, Run("run", Baseline, "--runs", "3000", "--months", "12", "--shard", $"{i}/2", "--out", Path.Combine(parent, $"shard-{i:D4}"), "--quiet").Code);
        }
        Assert.Equal(0, Run("merge", parent, "--out", Path.Combine(_work, "m"), "--no-plots", "--quiet").Code);
    }

    [Fact]
    public void ShardFolder_HasManifestStateAndScenario()
    {
        string shard = Shard(1, 3);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(shard, "shard.json")));
        Assert.Equal("laborsim-shard", manifest.RootElement.GetProperty("format").GetString());
        Assert.Equal(1, manifest.RootElement.GetProperty("shard_index").GetInt32());
        Assert.Equal(3, manifest.RootElement.GetProperty("shard_count").GetInt32());
        Assert.Equal(64, manifest.RootElement.GetProperty("fingerprint").GetString()!.Length);
        Assert.True(File.Exists(Path.Combine(shard, "state.bin")));
        Assert.True(File.Exists(Path.Combine(shard, "scenario.yaml")));
    }

    [Fact]
    public void Merge_MissingShard_IsRefused()
    {
        var (code, _, error) = Run("merge", Shard(0, 3), Shard(2, 3), "--out", Path.Combine(_work, "x"));
        Assert.Equal(2, code);
        Assert.Contains("missing shard 1 of 3", error);
        Assert.False(Directory.Exists(Path.Combine(_work, "x")));
    }

    [Fact]
    public void Merge_DuplicateShard_IsRefused()
    {
        string first = Shard(0, 2);
        string copy = Path.Combine(_work, "copy");
        CopyFolder(first, copy);
        var (code, _, error) = Run("merge", first, copy, Shard(1, 2), "--out", Path.Combine(_work, "x"));
        Assert.Equal(2, code);
        Assert.Contains("shard 0 is given 2 times", error);
    }

    [Fact]
    public void Merge_ForeignShard_IsRefused()
    {
        var (code, _, error) = Run("merge", Shard(0, 2), Shard(1, 2, seed: "7"), "--out", Path.Combine(_work, "x"));
        Assert.Equal(2, code);
        Assert.Contains("from another run", error);
    }

    [Fact]
    public void Merge_StateFileOfAnotherRun_IsRefused_NotMergedUnderTheWrongSeed()
    {
        // A state.bin carried from a run with another seed into a shard folder: the state is bound to its manifest.
        string shard = Shard(0, 1);
        string other = Path.Combine(_work, "other");
        var (code, _, error) = Run("run", Baseline, "--runs", "6000", "--seed", "7", "--shard", "0/1", "--out", other, "--quiet");
        Assert.True(code == 0, error);
        File.Copy(Path.Combine(other, "state.bin"), Path.Combine(shard, "state.bin"), overwrite: true);
        var (mergeCode, _, mergeError) = Run("merge", shard, "--out", Path.Combine(_work, "merged"));
        Assert.Equal(2, mergeCode);
        Assert.Contains("was written for another run", mergeError);
        Assert.False(Directory.Exists(Path.Combine(_work, "merged")));
    }

    [Theory]
    [InlineData("\"shard_count\": 1", "\"shard_count\": 2147483647", "impossible shard_count 2147483647")]
    [InlineData("\"state_file\": \"state.bin\"", "\"state_file\": \"/dev/zero\"", "impossible state_file '/dev/zero'")]
    [InlineData("\"state_file\": \"state.bin\"", "\"state_file\": \"../other/state.bin\"", "impossible state_file")]
    [InlineData("\"elapsed_seconds\": ", "\"elapsed_seconds\": 1e300, \"x\": ", "impossible elapsed_seconds")]
    [InlineData("\"runs\": 6000", "\"runs\": \"many\"", "corrupt at 'runs'")]
    [InlineData("\"seed\": 20220901", "\"seed\": null", "corrupt at 'seed'")]
    [InlineData("\"fingerprint\": \"", "\"fingerprint\": \"abc\", \"x\": \"", "impossible fingerprint 'abc' (64 hexadecimal digits")]
    [InlineData("\"fingerprint\": \"", "\"fingerprint\": null, \"x\": \"", "impossible fingerprint null")]
    [InlineData("\"state_file\": \"state.bin\"", "\"state_file\": null", "impossible state_file null")]
    public void Merge_HandEditedManifest_RefusedNamingTheField(string find, string replace, string expected)
    {
        string shard = Shard(0, 1);
        string manifest = Path.Combine(shard, "shard.json");
        string text = File.ReadAllText(manifest);
        Assert.Contains(find, text);
        File.WriteAllText(manifest, text.Replace(find, replace));
        var (code, _, error) = Run("merge", shard, "--out", Path.Combine(_work, "merged"));
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
        Assert.Contains("shard.json", error);
    }

    [Fact]
    public void Merge_ManifestLinkedToADevice_RefusedWithoutFillingMemory()
    {
        string shard = Shard(0, 1);
        File.Delete(Path.Combine(shard, "shard.json"));
        File.CreateSymbolicLink(Path.Combine(shard, "shard.json"), "/dev/zero");
        var (code, _, error) = Run("merge", shard, "--out", Path.Combine(_work, "merged"));
        Assert.Equal(2, code);
        Assert.Contains("is a character device, not a regular file: a manifest is read only from a file on disk", error);
    }

    [Fact]
    public void Merge_CorruptState_IsRefused()
    {
        string shard = Shard(1, 2);
        string state = Path.Combine(shard, "state.bin");
        byte[] bytes = File.ReadAllBytes(state);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(state, bytes);
        var (code, _, error) = Run("merge", Shard(0, 2), shard, "--out", Path.Combine(_work, "x"));
        Assert.Equal(2, code);
        Assert.Contains("corrupt (its checksum does not match)", error);
    }

    [Fact]
    public void Merge_TruncatedStateOrBadManifest_IsRefused()
    {
        string shard = Shard(1, 2);
        File.WriteAllBytes(Path.Combine(shard, "state.bin"), [1, 2, 3]);
        string other = Shard(0, 2);
        File.WriteAllText(Path.Combine(other, "shard.json"), "{ not json");
        var (code, _, error) = Run("merge", other, shard, "--out", Path.Combine(_work, "x"));
        Assert.Equal(2, code);
        Assert.Contains("shard.json: corrupt", error);
        Assert.Equal(2, Run("merge", Shard(0, 2, runs: "5000"), shard).Code);
    }

    [Fact]
    public void Merge_NotAShardFolder_IsRefused()
    {
        var (code, _, error) = Run("merge", _work);
        Assert.Equal(2, code);
        Assert.Contains("not a shard folder", error);
    }

    [Theory]
    [InlineData("3/3", "0 <= I < N")]
    [InlineData("1-3", "must be I/N")]
    [InlineData("0/0", "1 <= N")]
    public void Run_BadShardOption_ExitTwo(string shard, string expected)
    {
        var (code, _, error) = Run("run", Baseline, "--shard", shard, "--out", Path.Combine(_work, "bad"));
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Slurm_WritesArrayMergeAndSubmitScripts()
    {
        string outDir = Path.Combine(_work, "slurm");
        var (code, stdout, error) = Run("slurm", Baseline, "--shards", "8", "--partition", "short", "--time", "00:30:00", "--mem", "1G", "--out", outDir, "--laborsim", "laborsim");
        Assert.True(code == 0, error);
        Assert.Contains("submit.sh", stdout);
        string shards = File.ReadAllText(Path.Combine(outDir, "shards.sbatch"));
        Assert.Contains("#SBATCH --array=0-7", shards);
        Assert.Contains("#SBATCH --partition=short", shards);
        Assert.Contains("#SBATCH --time=00:30:00", shards);
        Assert.Contains("#SBATCH --mem=1G", shards);
        Assert.Contains("--shard \"$shard/8\"", shards);
        Assert.Contains("SLURM_ARRAY_TASK_ID", shards);
        Assert.Contains("laborsim merge", File.ReadAllText(Path.Combine(outDir, "merge.sbatch")));
        Assert.Contains("--dependency=afterok:", File.ReadAllText(Path.Combine(outDir, "submit.sh")));
        Assert.True(File.Exists(Path.Combine(outDir, "scenario.yaml")));
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("quote'd \"both\"")]
    [InlineData("per%cent %a %j")]
    public void Slurm_HostileOutPath_StaysInsideQuotes_AndOutOfSbatchLines(string name)
    {
        string outDir = Path.Combine(_work, name);
        var (code, _, error) = Run("slurm", Baseline, "--shards", "2", "--out", outDir, "--laborsim", "laborsim");
        Assert.True(code == 0, error);
        foreach (string script in new[] { "shards.sbatch", "merge.sbatch", "submit.sh" })
        {
            string text = File.ReadAllText(Path.Combine(outDir, script));
            // No #SBATCH line carries any part of the path (they cannot be quoted), and bash reads the script as written.
            Assert.All(text.Split('\n').Where(l => l.StartsWith("#SBATCH", StringComparison.Ordinal)), line => Assert.DoesNotContain(_work, line));
            Assert.DoesNotContain("\n#SBATCH --wrap", text);
            var check = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", ["-n", Path.Combine(outDir, script)]) { RedirectStandardError = true })!;
            string syntax = check.StandardError.ReadToEnd();
            check.WaitForExit();
            Assert.True(check.ExitCode == 0, $"{script}: {syntax}");
        }
        // The path in the shard command is one quoted word.
        string shards = File.ReadAllText(Path.Combine(outDir, "shards.sbatch"));
        Assert.Contains("'" + Path.Combine(outDir, "scenario.yaml").Replace("'", "'\\''") + "'", shards);
    }

    [Fact]
    public void Slurm_OutPathWithANewline_Refused()
    {
        string outDir = Path.Combine(_work, "new\n#SBATCH --wrap=touch /tmp/laborsim-injected\necho injected");
        var (code, _, error) = Run("slurm", Baseline, "--shards", "2", "--out", outDir, "--laborsim", "laborsim");
        Assert.Equal(2, code);
        Assert.Contains("--out: holds a control character", error);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--shards", "0", "--shards 0: must be a whole number")]
    [InlineData("--time", "soon", "must be a Slurm time")]
    [InlineData("--mem", "lots", "must be a Slurm memory size")]
    [InlineData("--partition", "gpu;rm", "--partition gpu;rm: must be a partition name of letters, digits")]
    [InlineData("--cpus", "0", "--cpus 0: must be a whole number from 1 to 1024")]
    public void Slurm_BadOptions_ExitTwo(string option, string value, string expected)
    {
        string[] args = option == "--shards" ? ["slurm", Baseline, option, value] : ["slurm", Baseline, "--shards", "2", option, value];
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
