using Simulation.IO.Scenarios;

namespace Simulation.IO.Tests.Scenarios;

public class ScenarioReaderErrorTests
{
    private const string Valid = """
        scenario: test
        months: 12
        runs: 100
        demand:
          peak: {dist: uniform, min: 100, max: 200}
        enforcement:
          expel_fraction: 0.3
        """;

    private static IReadOnlyList<ScenarioProblem> Problems(string yaml, params ScenarioOverride[] overrides)
    {
        var result = ScenarioReader.Load(yaml, "x.yaml", overrides);
        Assert.False(result.IsValid);
        Assert.Null(result.Scenario);
        return result.Problems;
    }

    private static void HasProblem(IReadOnlyList<ScenarioProblem> problems, string expected)
    {
        Assert.True(problems.Any(p => p.ToString().Contains(expected, StringComparison.Ordinal)),
            $"expected a problem containing \"{expected}\", got:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Load_ValidFile_HasNoProblems()
    {
        var result = ScenarioReader.Load(Valid, "x.yaml");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(12, result.Scenario!.Months);
    }

    [Theory]
    [InlineData("scenario: t\nenforcement:\n  expel_fracton: 0.3\n", "x.yaml:3:3: enforcement.expel_fracton: unknown key in section 'enforcement'; did you mean 'expel_fraction'?")]
    [InlineData("scenario: t\nenforcement:\n  expel_fraction: 1.5\n", "x.yaml:3:19: enforcement.expel_fraction: must be between 0 and 1, got 1.5")]
    [InlineData("scenario: t\ndemand:\n  peak: {dist: uniform, min: 5, max: 3}\n", "demand.peak: invalid uniform: min must not exceed max")]
    [InlineData("scenario: t\npay:\n  wage: .nan\n", "x.yaml:3:9: pay.wage: must be a finite number, got .nan")]
    [InlineData("scenario: t\npay:\n  wage: -.inf\n", "pay.wage: must be a finite number, got -.inf")]
    [InlineData("scenario: t\npay:\n  wage: 1e999\n", "pay.wage: must be a finite number, got 1e999")]
    [InlineData("scenario: t\nmonths: 12\nmonths: 24\n", "x.yaml:3:1: months: duplicate key (first given at line 2); keep one")]
    [InlineData("scenario: t\nsupply:\n  pool: 5\n  pool: 6\n", "x.yaml:4:3: supply.pool: duplicate key (first given at line 3)")]
    [InlineData("", "x.yaml:1:1: the file is empty")]
    [InlineData("# only a comment\n", "the file is empty")]
    [InlineData("scenario: t\nmonths: twelve\n", "x.yaml:2:9: months: must be a number, got twelve")]
    [InlineData("scenario: t\nmonths: 12.5\n", "months: must be a whole number, got 12.5")]
    [InlineData("scenario: t\nmonths: 5000\n", "months: must be a whole number between 1 and 1200, got 5000")]
    [InlineData("scenario: t\nruns: 0\n", "runs: must be a whole number between 1 and 1000000000, got 0")]
    [InlineData("scenario: t\nstart: 9950-01\nmonths: 1200\n", "months: the horizon from 9950-01 would end after 9999-12; use at most 600 months")]
    [InlineData("scenario: t\nseed: 99999999999999999999\n", "seed: must be a whole number between")]
    [InlineData("scenario: t\nstart: 2022-13\n", "start: must be a month written YYYY-MM")]
    [InlineData("scenario: t\nstart: 2026-01\nmonths: 12\nceasefire:\n  not_before: 2027-06\n", "x.yaml:5:15: ceasefire.not_before: 2027-06 is after the horizon (2026-01 to 2026-12), so no ceasefire could come within it; write 'never: 1'")]
    [InlineData("scenario: t\nstart: 2026-01\nceasefire:\n  month: 3\n  not_before: 2026-06\n", "ceasefire.not_before: every draw of ceasefire.month (3) falls before 2026-06 (month 5 after the start)")]
    [InlineData("scenario: t\nceasefire:\n  not_before: soon\n", "ceasefire.not_before: must be a month written YYYY-MM")]
    [InlineData("scenario: t\nsupply:\n  pool: \"5000\"\n", "supply.pool: must be a number, got the text \"5000\"; remove the quotes")]
    [InlineData("scenario: t\nsupply:\n  pool: 1,000\n", "write numbers without thousands separators")]
    [InlineData("scenario: t\nsupply: 5\n", "x.yaml:2:9: supply: must be a section of keys")]
    [InlineData("scenario: t\ndemand:\n  peak: [1, 2]\n", "demand.peak: must be a number or a distribution")]
    [InlineData("scenario: t\ndemand:\n  peak: {dist: unifrom, min: 1, max: 2}\n", "demand.peak.dist: unknown distribution 'unifrom'; did you mean 'uniform'?")]
    [InlineData("scenario: t\ndemand:\n  peak: {dist: uniform, min: 1}\n", "demand.peak: dist: uniform needs 'max'")]
    [InlineData("scenario: t\ndemand:\n  peak: {dist: uniform, min: 1, maximum: 2}\n", "demand.peak.maximum: unknown key for dist: uniform")]
    [InlineData("scenario: t\ndemand:\n  peak: {min: 1, max: 2}\n", "demand.peak: a distribution needs 'dist:'")]
    [InlineData("scenario: t\ndemand:\n  peak: {dist: lognormal, median: 5, sigma: 1}\n", "either 'median' and 'p95' or 'mu' and 'sigma'")]
    [InlineData("scenario: t\npay:\n  state_share: {dist: normal, mean: 0.8, sd: 0.1}\n", "pay.state_share: must be between 0 and 1 in every run")]
    [InlineData("scenario: t\npay:\n  wage: {dist: normal, mean: 70000, sd: 10000}\n", "give the normal 'min' and 'max' within that range")]
    [InlineData("scenario: t\ndemand:\n  ramp_months: {dist: uniform, min: 0, max: 5}\n", "demand.ramp_months: must be above 0")]
    [InlineData("scenario: ../../etc\n", "scenario: must be a name of letters, digits, '-' and '_', got ../../etc; it looks like a path")]
    [InlineData("scenario: my scenario\n", "replace spaces and other characters with '-'")]
    [InlineData("months: 12\n", "x.yaml:1:1: scenario: is missing")]
    [InlineData("scenario: t\nmonths: [12\n", "x.yaml:3:1: not valid YAML: While parsing a flow sequence")]
    [InlineData("scenario: t\n  months: 12\n", "not valid YAML")]
    [InlineData("- a\n- b\n", "a scenario file must be a mapping")]
    [InlineData("scenario: t\nwage: 5\n", "wage: unknown key at the top level; 'wage' belongs in section 'pay'")]
    [InlineData("scenario: t\nmonth: 12\n", "month: unknown key at the top level; did you mean 'months'?")]
    [InlineData("scenario: t\nenforcement:\n  base_hazard_changes:\n    - {from: 2024-04, multiplier: 0.5}\n    - {from: 2023-01, multiplier: 2}\n", "base_hazard_changes[1].from: must come after the previous change (2024-04)")]
    [InlineData("scenario: t\nenforcement:\n  base_hazard_changes:\n    - {from: 2024-04, multiplyer: 0.5}\n", "unknown key; did you mean 'multiplier'?")]
    [InlineData("scenario: t\nenforcement:\n  base_hazard_changes: 0.5\n", "enforcement.base_hazard_changes: must be a list")]
    [InlineData("scenario: t\ndemand:\n  peak: {dist: discrete, values: [1, 2], weights: [1]}\n", "values and weights must be non-empty and of the same length")]
    [InlineData("scenario: t\ndemand:\n  peak: *missing\n", "names no anchor")]
    [InlineData("scenario: t\n---\nscenario: u\n", "holds one YAML document")]
    public void Load_BadInput_ReportsPositionedProblem(string yaml, string expected)
    {
        HasProblem(Problems(yaml), expected);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsEveryOne()
    {
        var problems = Problems("scenario: t\nmonths: 0\npay:\n  wage: abc\n  state_share: 2\nenforcement:\n  deterence: 0.5\n");
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Load_DeepNesting_IsRefusedNotCrashed()
    {
        string yaml = "scenario: t\ndescription: " + new string('[', 200) + new string(']', 200) + "\n";
        HasProblem(Problems(yaml), "nested more than");
    }

    [Fact]
    public void Load_AnchorsAndAliases_AreResolved()
    {
        var result = ScenarioReader.Load("scenario: t\ndemand:\n  peak: &p {dist: uniform, min: 1, max: 2}\nsupply:\n  pool: 10\n  dispatch_per_month: *p\n", "x.yaml");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("uniform(min 1, max 2)", result.Scenario!.Supply.DispatchPerMonth.ToString());
    }

    [Fact]
    public void Override_UnknownKey_SuggestsTheRightOne()
    {
        HasProblem(Problems(Valid, ScenarioOverride.Parse("enforcement.deterence=0.3")!),
            "--set enforcement.deterence=0.3: enforcement.deterence: unknown key; did you mean 'enforcement.deterrence'?");
    }

    [Fact]
    public void Override_OutOfRange_NamesTheOption()
    {
        HasProblem(Problems(Valid, ScenarioOverride.Parse("enforcement.deterrence=2")!),
            "--set enforcement.deterrence=2: enforcement.deterrence: must be between 0 and 1, got 2");
    }

    [Fact]
    public void Override_BrokenYaml_IsReported()
    {
        HasProblem(Problems(Valid, ScenarioOverride.Parse("demand.peak={dist: uniform, min: 1")!), "--set demand.peak={dist: uniform, min: 1: demand.peak: not valid YAML");
    }

    [Fact]
    public void LoadFile_MissingFile_SaysSo()
    {
        var result = ScenarioReader.LoadFile("no/such/file.yaml");
        Assert.Equal("no/such/file.yaml: no such file; check the path (shipped scenarios are in scenarios/)", result.Problems.Single().ToString());
    }

    [Fact]
    public void LoadFile_Folder_SaysSo()
    {
        var result = ScenarioReader.LoadFile(Path.GetTempPath());
        Assert.Contains("is a folder", result.Problems.Single().Message);
    }

    [Fact]
    public void LoadFile_BinaryFile_SaysSo()
    {
        string path = Path.GetTempFileName();
        File.WriteAllBytes(path, [1, 2, 0, 4]);
        try
        {
            Assert.Contains("not a text file", ScenarioReader.LoadFile(path).Problems.Single().Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("scenario: t\ndemand:\n\tpeak: 5\n", 3, 1)]
    [InlineData("scenario: t\nruns: 100\ndemand:\n\tpeak: 5\n", 4, 1)]
    public void TabIndentation_ReportedAtTheTab(string yaml, int line, int column)
    {
        var problem = Assert.Single(Problems(yaml));
        Assert.Equal((line, column), (problem.Position.Line, problem.Position.Column));
        Assert.Contains("a tab is used to indent", problem.Message);
    }

    [Fact]
    public void OverriddenKey_StillValidatedInTheFile()
    {
        // validate refuses "runs: many"; a run that replaces it with --runs 200 must refuse it too, at the file's line.
        var problem = Assert.Single(Problems("scenario: t\nruns: many\n", new ScenarioOverride("runs", "200", "--runs 200")));
        Assert.Equal((2, 7), (problem.Position.Line, problem.Position.Column));
        Assert.Contains("does not mend the file", problem.Message);
        Assert.True(ScenarioReader.Load("scenario: t\nruns: 100\n", "x.yaml", [new ScenarioOverride("runs", "200", "--runs 200")]).IsValid);
    }
}
