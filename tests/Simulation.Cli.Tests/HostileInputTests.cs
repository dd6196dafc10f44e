using Simulation.IO.Scenarios;

namespace Simulation.Cli.Tests;

/// <summary>Inputs made to hurt: each is refused with a short, printable message, and nothing is written.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-hostile").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private static string Hindcast => CliHarness.Scenario("hindcast-russia-2018-2020");

    private const string Header = "series,period,value,error_kind,error,source,note\n";

    [Fact]
    public void DidYouMean_OnAHugeName_ComparesNothing_AndEchoesOnlyAPrefix()
    {
        string huge = new('x', 2_000_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Null(Spelling.Closest(huge, ["workers.permit", "arrivals.study"]));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "the distance table was built for a 2 MB word");
        // The same name as an observation file's header column: the message quotes a prefix and says how long it was.
        string file = Path.Combine(_work, "obs.csv");
        File.WriteAllText(file, "series,period,value,error_kind," + huge + ",source,note\nworkers.permit,2018-09,1,relative,0.1,,\n");
        var (code, _, error) = CliHarness.Run("calibrate", Hindcast, "--observed", file, "--out", Path.Combine(_work, "out"));
        Assert.Equal(2, code);
        Assert.Contains("header column 5 is 'xxxx", error);
        Assert.Contains("characters in all)", error);
        Assert.True(error.Length < 4_000, $"{error.Length:N0} characters of messages");
    }

    [Fact]
    public void ManyBadRows_FirstTwentyShown_TheRestCounted()
    {
        string file = Path.Combine(_work, "obs.csv");
        using (var writer = new StreamWriter(file))
        {
            writer.Write(Header);
            for (int i = 0; i < 100_000; i++)
            {
                writer.Write("workers.permit,2018-09,1,relativ,0.1,,\n");
            }
        }
        var (code, _, error) = CliHarness.Run("calibrate", Hindcast, "--observed", file, "--out", Path.Combine(_work, "out"));
        Assert.Equal(2, code);
        Assert.Contains("and 99,980 more problems like these", error);
        Assert.Contains("100,000 problems; nothing was run.", error);
        Assert.True(error.Length < 20_000, $"{error.Length:N0} characters of messages");
    }

    [Fact]
    public void LongCondition_IsNotRepeatedInEveryProblem()
    {
        string where = string.Join(" and ", Enumerable.Range(0, 1500).Select(i => $"peak_wokers > {i}"));
        var (code, _, error) = CliHarness.Run("discover", CliHarness.Baseline, "--where", where, "--out", Path.Combine(_work, "out"));
        Assert.Equal(2, code);
        Assert.Contains("--where:1:1: unknown metric 'peak_wokers'", error);
        Assert.True(error.Length < 20_000, $"{error.Length:N0} characters of messages");
    }

    [Fact]
    public void ControlCharacters_InANameOrPath_PrintedAsEscapes()
    {
        var (code, _, error) = CliHarness.Run("run", Path.Combine(_work, "a\u001b[31mred.yaml"), "--out", Path.Combine(_work, "out"));
        Assert.Equal(2, code);
        Assert.DoesNotContain('\u001b', error);
        Assert.Contains("a\\u001b[31mred.yaml", error);
    }

    [Fact]
    public void AFolderWhereAFileBelongs_SaysItIsAFolder()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_work, "data.csv")).FullName;
        var (observedCode, _, observedError) = CliHarness.Run("calibrate", Hindcast, "--observed", folder, "--out", Path.Combine(_work, "out"));
        Assert.Equal(2, observedCode);
        Assert.Contains($"{folder}: is a folder, not an observation file", observedError);
        string variant = Path.Combine(_work, "variant.yaml");
        Directory.CreateDirectory(Path.Combine(_work, "base.yaml"));
        File.WriteAllText(variant, "extends: base.yaml\nscenario: variant\nobserved: [data.csv]\nposterior: {file: data.csv}\n");
        var (code, _, error) = CliHarness.Run("validate", variant);
        Assert.Equal(2, code);
        Assert.Contains("base.yaml: is a folder, not a scenario file", error);
        Assert.DoesNotContain("no such file", error);
    }

    [Fact]
    public void ObservationFile_WithCarriageReturnLineEnds_ReadLikeAnyOther()
    {
        // Excel for Mac saves CSV with CR alone between lines.
        string file = Path.Combine(_work, "mac.csv");
        File.WriteAllText(file, Header.Replace("\n", "\r") + "workers.permit,2018-09,19559,relative,0.05,,\rworkers.permit,2018-12,11490,relative,0.05,,\r");
        var problems = new ProblemList();
        var observations = Simulation.IO.Calibration.ObservationReader.ReadFile(file, Simulation.Testing.TestScenarios.Shipped("hindcast-russia-2018-2020"), problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Items));
        Assert.Equal(2, observations!.Count);
        Assert.Equal(11490, observations[1].Value);
    }

    [Theory]
    [InlineData("--seed", "abc", "--seed abc")]
    [InlineData("--threads", "0", "--threads 0: must be a whole number from 1 to 1024")]
    [InlineData("--threshold", "garbage", "--threshold")]
    public void CalibrateAndDiscoverFromAFolder_BadOptions_RefusedNotIgnored(string option, string value, string message)
    {
        var (calibrateCode, _, calibrateError) = CliHarness.Run("calibrate", Hindcast, "--observed",
            Path.Combine(Simulation.Testing.TestScenarios.RepositoryRoot, "data", "observed", "russia-permits-2018-2020.csv"), option, value, "--out", Path.Combine(_work, "c"));
        Assert.Equal(2, calibrateCode);
        Assert.Contains(message, calibrateError);
        string runs = Path.Combine(_work, "runs");
        var (runCode, _, runError) = CliHarness.Run("run", CliHarness.Baseline, "--runs", "100", "--save-runs", "--no-plots", "--quiet", "--out", runs);
        Assert.True(runCode == 0, runError);
        var (discoverCode, _, discoverError) = CliHarness.Run("discover", runs, "--where", "peak_workers > 1", option, value, "--out", Path.Combine(_work, "d"));
        Assert.Equal(2, discoverCode);
        Assert.Contains(message, discoverError);
        Assert.False(Directory.Exists(Path.Combine(_work, "c")) || Directory.Exists(Path.Combine(_work, "d")));
    }
}
