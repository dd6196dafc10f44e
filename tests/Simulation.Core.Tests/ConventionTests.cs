using Simulation.Testing;

namespace Simulation.Core.Tests;

public class ConventionTests
{
    [Fact]
    public void Core_ReferencesNoIoPlottingOrCliLibrary()
    {
        var references = typeof(Simulation.Core.Model.Scenario).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        foreach (string forbidden in new[] { "ScottPlot", "CommandLine", "YamlDotNet", "SkiaSharp", "Simulation.IO", "Simulation.Plotting" })
        {
            Assert.DoesNotContain(references, name => name.StartsWith(forbidden, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Sources_UseNoHiddenRandomnessAndNoConsoleOutsideTheCli()
    {
        string src = Path.Combine(TestScenarios.RepositoryRoot, "src");
        var offences = new List<string>();
        foreach (string file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }
            string text = File.ReadAllText(file);
            bool isCli = file.Contains("Simulation.Cli", StringComparison.Ordinal);
            if (text.Contains("new Random(", StringComparison.Ordinal) || text.Contains("Random.Shared", StringComparison.Ordinal))
            {
                offences.Add($"{file}: hidden random source");
            }
            if (!isCli && text.Contains("Console.", StringComparison.Ordinal))
            {
                offences.Add($"{file}: Console outside the CLI");
            }
        }
        Assert.Empty(offences);
    }

    private static readonly System.Text.RegularExpressions.Regex Delegate =
        new(@"^(?:public|internal)\s+delegate\s+[\w<>\[\],?\s]+?\s+(\w+)\s*\(", System.Text.RegularExpressions.RegexOptions.Multiline);

    [Fact]
    public void Sources_OneTypePerFileNamedAfterIt()
    {
        string src = Path.Combine(TestScenarios.RepositoryRoot, "src");
        var offences = new List<string>();
        var declaration = new System.Text.RegularExpressions.Regex(@"^(public|internal)\s+(static\s+|sealed\s+|abstract\s+|readonly\s+|partial\s+)*(class|struct|record struct|record|enum|interface)\s+(\w+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        foreach (string file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || file.EndsWith("Program.cs", StringComparison.Ordinal))
            {
                continue;
            }
            string text = File.ReadAllText(file);
            var types = declaration.Matches(text).Select(m => m.Groups[4].Value)
                .Concat(Delegate.Matches(text).Select(m => m.Groups[1].Value)).ToList();
            if (types.Count != 1 || types[0] != Path.GetFileNameWithoutExtension(file))
            {
                offences.Add($"{file}: {string.Join(", ", types)}");
            }
        }
        Assert.Empty(offences);
    }

    /// <summary>
    /// A user's clone has nothing outside itself: no file of the repository (test fixtures of the fuzzer aside) may
    /// point to the developers' shared folder. What users need lives in docs/ and data/.
    /// </summary>
    [Fact]
    public void Repository_PointsToNothingOutsideItself()
    {
        string root = TestScenarios.RepositoryRoot;
        string needle = "../" + "shared";
        string[] skipped = ["bin", "obj", "out", ".git", ".quick", "TestResults", "BenchmarkDotNet.Artifacts", "Fuzz"];
        var offences = new List<string>();
        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => skipped.Contains(part))
                || Path.GetExtension(file) is ".png" or ".ttf" or ".dll" or ".pdb" or ".bin")
            {
                continue;
            }
            string text = File.ReadAllText(file);
            if (text.Contains(needle, StringComparison.Ordinal) || text.Contains("..\\shared", StringComparison.Ordinal))
            {
                offences.Add(relative);
            }
        }
        Assert.Empty(offences);
        foreach (string needed in new[] { "docs/model.md", "docs/scenario-format.md", "data/public-figures.csv", "data/observed/README.md" })
        {
            Assert.True(File.Exists(Path.Combine(root, needed)), needed);
        }
    }
}
