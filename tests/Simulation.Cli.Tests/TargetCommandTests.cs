using System.Globalization;
using System.Text.Json;

namespace Simulation.Cli.Tests;

/// <summary>laborsim target from the command line: one lever, a frontier of two, the same answer for any thread count, and its refusals.</summary>
public sealed class TargetCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-target").FullName;

    private static string Policies => CliHarness.Scenario("policies-2027");

    public void Dispose() => Directory.Delete(_work, true);

    private static readonly string[] Question = ["--where", "remittances_usd > 1e9", "--at-most", "0.255", "--runs", "3000", "--from", "2027-01"];

    [Fact]
    public void Target_OneLever_FindsTheWeakestSettingMeetingTheBound_InWords()
    {
        string folder = Path.Combine(_work, "one");
        var (code, stdout, stderr) = CliHarness.Run(["target", Policies, "--lever", "enforcement.expel_fraction", .. Question, "--out", folder]);
        Assert.True(code == 0, stderr);
        foreach (string file in new[] { "target.json", "target.csv", "target.png", "report.html", "scenario.yaml" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }
        Assert.Contains("The weakest share expelled by an event from 2027-01 that keeps P(remittances, total over the horizon above $1B) at most 25.5% is", stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "target.json")));
        var root = json.RootElement;
        Assert.Equal("found", root.GetProperty("status").GetString());
        double answer = root.GetProperty("answer").GetDouble();
        double weaker = root.GetProperty("weaker_bracket").GetDouble();
        // The answer meets the bound, judged by its upper confidence bound; the other end of the bracket, within the
        // tolerance (1% of the lever's range 0.1 to 1), does not.
        Assert.True(root.GetProperty("p_upper_at_answer").GetDouble() <= 0.255);
        Assert.InRange(answer - weaker, 0, 0.009 + 1e-12);
        var rows = File.ReadAllLines(Path.Combine(folder, "target.csv"));
        Assert.Equal("enforcement.expel_fraction,phase,hits,futures,p,se,p_upper,meets", rows[0]);
        var weakerRow = rows.Skip(1).Select(r => r.Split(',')).Last(c => double.Parse(c[0], CultureInfo.InvariantCulture) == weaker);
        Assert.Equal("0", weakerRow[7]);
        Assert.Equal(9, rows.Count(r => r.Contains(",grid,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Target_AnyThreadCount_GivesTheSameAnswer()
    {
        string one = Path.Combine(_work, "t1"), two = Path.Combine(_work, "t2");
        Assert.Equal(0, CliHarness.Run(["target", Policies, "--lever", "enforcement.expel_fraction", .. Question, "--out", one, "--threads", "1", "--no-plots", "--quiet"]).Code);
        Assert.Equal(0, CliHarness.Run(["target", Policies, "--lever", "enforcement.expel_fraction", .. Question, "--out", two, "--threads", "2", "--no-plots", "--quiet"]).Code);
        Assert.Equal(File.ReadAllText(Path.Combine(one, "target.csv")), File.ReadAllText(Path.Combine(two, "target.csv")));
    }

    [Fact]
    public void Target_TwoLevers_DrawsTheFrontier()
    {
        string folder = Path.Combine(_work, "two");
        var (code, stdout, stderr) = CliHarness.Run(["target", Policies, "--lever", "enforcement.expel_fraction", "--lever", "channels.other.fee", .. Question,
            "--grid", "3", "--out", folder]);
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(folder, "frontier.png")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "target.json")));
        var frontier = json.RootElement.GetProperty("frontier").EnumerateArray().ToList();
        Assert.Equal(3, frontier.Count);
        Assert.Equal([0.1, 0.55, 1.0], frontier.Select(f => f.GetProperty("enforcement.expel_fraction").GetDouble()));
        Assert.Contains("share expelled by an event 0.1:", stdout);
        // With expulsions at their strongest, even no fee meets the bound: the search says so rather than bisecting.
        Assert.Equal("met_at_weakest", frontier[2].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("--lever enforcement.deterrence", "is not a lever of scenario policies-2027")]
    [InlineData("--lever channels.other.open", "a search needs a range")]
    [InlineData("--at-most 1", "must be a probability from 0 up to (not including) 1")]
    [InlineData("--confidence 0.3", "must be from 0.5 up to")]
    [InlineData("--from 2040-01", "is outside the horizon")]
    [InlineData("--from soon", "must be a month written YYYY-MM")]
    [InlineData("--policy combined", "target searches the levers from the scenario as written")]
    [InlineData("--threshold remittances_usd=1e9", "target asks about one condition")]
    [InlineData("--where remitances_usd>1e9", "did you mean 'remittances_usd'")]
    [InlineData("--grid 2", "must be 3 to 101 points")]
    public void Target_BadOption_RefusedBeforeRunning(string option, string message)
    {
        string outDir = Path.Combine(_work, "bad");
        var parts = option.Split(' ', 2);
        var args = new List<string> { "target", Policies };
        // The option under test replaces the question's own where it gives one.
        string[] question = ["--where", "remittances_usd > 1e9", "--at-most", "0.3", "--runs", "500"];
        for (int i = 0; i < question.Length; i += 2)
        {
            if (question[i] != parts[0])
            {
                args.AddRange([question[i], question[i + 1]]);
            }
        }
        if (parts[0] != "--lever")
        {
            args.AddRange(["--lever", "enforcement.expel_fraction"]);
        }
        args.AddRange([parts[0], parts[1], "--out", outDir]);
        var (code, _, stderr) = CliHarness.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(outDir));
    }
}
