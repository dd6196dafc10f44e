using System.Text;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Scenarios;

/// <summary><c>extends:</c> a variant takes every key of its base file and changes only what it writes.</summary>
public sealed class ExtendsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-extends").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ShippedVariants_Extend_TheBaselineAndLoadAsBeforeTheyWereShortened()
    {
        var variant = TestScenarios.Shipped("strong-enforcement");
        var baseline = TestScenarios.Shipped("donbas-baseline");
        Assert.Equal("strong-enforcement", variant.Name);
        Assert.Equal(baseline.Demand.ToString(), variant.Demand.ToString());
        Assert.Equal(baseline.Channels.Count, variant.Channels.Count);
        Assert.Equal(0.6, variant.Enforcement.ExpelFraction.Mean);
        // Lists are replaced whole: the variant's one change, not the baseline's plus its own.
        Assert.Single(variant.Enforcement.BaseHazardChanges);
        Assert.Equal(1.5, variant.Enforcement.BaseHazardChanges[0].Multiplier.Mean);
    }

    [Fact]
    public void VariantWithoutItsOwnDescription_SaysWhatItIsAndChanges_NotItsParentsStory()
    {
        Write("base.yaml", "scenario: base\ndescription: the war ends in two years\nruns: 100\npay:\n  wage: 50000\n");
        var silent = ScenarioReader.LoadFile(Write("silent.yaml", "extends: base.yaml\nscenario: silent\nruns: 50\npay:\n  wage: 60000\n")).Scenario!;
        Assert.Equal("Variant of base: changes runs, pay.wage. base: the war ends in two years", silent.Description);
        var told = ScenarioReader.LoadFile(Write("told.yaml", "extends: base.yaml\nscenario: told\ndescription: higher pay\npay:\n  wage: 60000\n")).Scenario!;
        Assert.Equal("higher pay", told.Description);
    }

    [Fact]
    public void Variant_ChangesOneKeyOfASection_KeepsTheOthers()
    {
        Write("base.yaml", "scenario: base\nruns: 100\npay:\n  wage: 50000\n  state_share: 0.7\n");
        var loaded = ScenarioReader.LoadFile(Write("variant.yaml", "extends: base.yaml\nscenario: variant\npay:\n  wage: 60000\n"));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Assert.Equal(60000, loaded.Scenario!.Pay.WagePerMonth.Mean);
        Assert.Equal(0.7, loaded.Scenario.Pay.StateShare.Mean);
        Assert.Equal(100, loaded.Scenario.Runs);
        string asRun = loaded.Document!.ToYaml("as run");
        Assert.DoesNotContain("extends", asRun);
        Assert.Contains("state_share: 0.7", asRun);
    }

    [Fact]
    public void Errors_PointToTheFileAndLineThatHoldTheValue()
    {
        string basePath = Write("base.yaml", "scenario: base\npay:\n  state_share: 1.5\n");
        string variant = Write("variant.yaml", "extends: base.yaml\nscenario: variant\npay:\n  wage: -5\n");
        var problems = ScenarioReader.LoadFile(variant).Problems.Select(p => p.ToString()).ToList();
        Assert.Contains($"{basePath}:3:16: pay.state_share: must be between 0 and 1, got 1.5", problems);
        Assert.Contains(problems, p => p.StartsWith($"{variant}:4:9: pay.wage: must be", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("extends: missing.yaml\nscenario: v\n", "extends: ", "missing.yaml: no such file")]
    [InlineData("extends: variant.yaml\nscenario: v\n", "extends: ", "is already in the chain")]
    [InlineData("extends: base.yaml\nruns: 5\n", "scenario: ", "must name itself")]
    [InlineData("extends: [a, b]\nscenario: v\n", "extends: ", "must name the scenario file this one changes")]
    [InlineData("extend: base.yaml\nscenario: v\n", "extend: ", "did you mean 'extends'?")]
    public void BadExtends_IsRefusedWithItsPosition(string text, string key, string expected)
    {
        Write("base.yaml", "scenario: base\n");
        string variant = Write("variant.yaml", text);
        var problems = ScenarioReader.LoadFile(variant).Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith(variant + ":", StringComparison.Ordinal) && p.Contains(key, StringComparison.Ordinal) && p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Encodings_Utf8WithBom_IsRead_Utf16IsNamed()
    {
        string bom = Path.Combine(_work, "bom.yaml");
        File.WriteAllBytes(bom, [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes("scenario: bom\r\nruns: 10\r\n")]);
        var loaded = ScenarioReader.LoadFile(bom);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Assert.Equal("bom", loaded.Scenario!.Name);

        string utf16 = Path.Combine(_work, "utf16.yaml");
        File.WriteAllText(utf16, "scenario: wide\n", Encoding.Unicode);
        Assert.Contains("is UTF-16 (little-endian) text (from its byte-order mark); save it as UTF-8", ScenarioReader.LoadFile(utf16).Problems.Single().ToString());
    }

    [Fact]
    public void NotARegularFile_RefusedBeforeItIsOpened()
    {
        var problems = ScenarioReader.LoadFile("/dev/zero").Problems;
        Assert.Contains("/dev/zero: is a character device, not a regular file: a scenario file is read only from a file on disk", Assert.Single(problems).ToString());
    }

    [Fact]
    public async Task AFifo_AsScenarioOrAsTheFileExtended_RefusedWithoutBlocking()
    {
        // Opening a FIFO nobody writes to blocks forever; it must be refused before it is opened, also when it is
        // the file a scenario extends and overrides make the reader read the chain again.
        string folder = Directory.CreateTempSubdirectory("laborsim-fifo").FullName;
        try
        {
            string fifo = Path.Combine(folder, "base.yaml");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            {
                mkfifo.WaitForExit();
            }
            Assert.Contains("is a pipe (FIFO), not a regular file", Assert.Single(ScenarioReader.LoadFile(fifo).Problems).ToString());
            string variant = Path.Combine(folder, "variant.yaml");
            File.WriteAllText(variant, "extends: base.yaml\nscenario: variant\n");
            var overrides = new[] { new ScenarioOverride("runs", "10", "--runs 10") };
            var reading = Task.Run(() => ScenarioReader.LoadFile(variant, overrides).Problems);
            var problems = await reading.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Contains("is a pipe (FIFO), not a regular file", string.Join("\n", problems));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
