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
            var types = declaration.Matches(File.ReadAllText(file)).Select(m => m.Groups[4].Value).ToList();
            if (types.Count != 1 || types[0] != Path.GetFileNameWithoutExtension(file))
            {
                offences.Add($"{file}: {string.Join(", ", types)}");
            }
        }
        Assert.Empty(offences);
    }
}
