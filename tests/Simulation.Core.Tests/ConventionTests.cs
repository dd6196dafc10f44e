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

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(Path.Combine(TestScenarios.RepositoryRoot, "src", project), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>
    /// The hot loop's compiled form is Core's own: the outer layers ask a <see cref="Simulation.Core.Model.Scenario"/> for
    /// what they need (its uncertain inputs, recorded inputs, copula, series), so a change of the compiled form never
    /// reaches them.
    /// </summary>
    [Fact]
    public void Sources_NoProjectOutsideCoreUsesTheCompiledScenario()
    {
        var offences = new List<string>();
        foreach (string project in Directory.GetDirectories(Path.Combine(TestScenarios.RepositoryRoot, "src")).Select(d => Path.GetFileName(d)))
        {
            if (project == "Simulation.Core")
            {
                continue;
            }
            foreach (string file in SourceFiles(project))
            {
                if (File.ReadAllText(file).Contains("CompiledScenario", StringComparison.Ordinal))
                {
                    offences.Add(file);
                }
            }
        }
        Assert.Empty(offences);
    }

    /// <summary>
    /// Core's namespaces depend on each other in one direction only (the catalogue does not know the model's types, the
    /// model does not know the runner's): a cycle means neither can be understood, tested or changed alone.
    /// </summary>
    [Fact]
    public void Core_NamespacesFormNoCycle()
    {
        string core = Path.Combine(TestScenarios.RepositoryRoot, "src", "Simulation.Core");
        var names = Directory.GetDirectories(core).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj")).Select(n => n!).ToList();
        var edges = names.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (string name in names)
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(core, name), "*.cs"))
            {
                string text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), "//.*", "");
                foreach (string other in names.Where(o => o != name))
                {
                    if (text.Contains($"using Simulation.Core.{other};", StringComparison.Ordinal) || text.Contains($"Simulation.Core.{other}.", StringComparison.Ordinal)
                        || System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\w.]){other}\.[A-Z]"))
                    {
                        edges[name].Add(other);
                    }
                }
            }
        }
        bool Reaches(string from, string to, HashSet<string> seen) =>
            from == to || edges[from].Any(next => seen.Add(next) && Reaches(next, to, seen));
        var cycles = names.SelectMany(a => edges[a].Where(b => Reaches(b, a, [])).Select(b => $"{a} <-> {b}")).ToList();
        Assert.Empty(cycles);
    }
}
