using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Simulation.Testing;

namespace Simulation.Cli.Tests;

/// <summary>
/// Every verb's whole output, frozen on small run counts: the text files as written (summary.json without its elapsed
/// time), report.html with each embedded chart replaced by the hash of its SVG, every PNG by its size (pixels may differ in their last bits between CPUs; the SVG pins the chart), and
/// the terminal's headline with times and temporary paths normalised. A change to how a verb is wired (the pipeline,
/// the publisher, the requests) must leave these byte-identical; a deliberate change is rewritten with
/// <c>UPDATE_GOLDEN=1 dotnet test</c> and its diff reviewed.
/// </summary>
public partial class VerbGoldenTests
{
    private static string Scenario(string name) => CliHarness.Scenario(name);

    public static TheoryData<string> Cases() => [.. VerbCases.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Each case: the command lines to run, in order, with {out} for a fresh temporary folder; the last writes {out}/result.</summary>
    private static readonly Dictionary<string, string[][]> VerbCases = new(StringComparer.Ordinal)
    {
        ["run-baseline"] = [["run", Scenario("donbas-baseline"), "--runs", "400", "--months", "24", "--save-runs", "--paths", "2", "--threshold", "remittances_usd=1e8", "--out", "{out}/result"]],
        ["run-hindcast"] = [["run", Scenario("hindcast-russia-2018-2020"), "--runs", "400", "--out", "{out}/result"]],
        ["run-modified"] = [["run", Scenario("donbas-baseline"), "--runs", "300", "--months", "12", "--set", "enforcement.deterrence=0.3", "--no-plots", "--out", "{out}/result"]],
        ["merge"] =
        [
            ["run", Scenario("donbas-baseline"), "--runs", "600", "--months", "12", "--shard", "0/2", "--out", "{out}/shard-0", "--quiet"],
            ["run", Scenario("donbas-baseline"), "--runs", "600", "--months", "12", "--shard", "1/2", "--out", "{out}/shard-1", "--quiet"],
            ["merge", "{out}/shard-0", "{out}/shard-1", "--threshold", "peak_workers=5000", "--out", "{out}/result"],
        ],
        ["compare"] = [["compare", Scenario("donbas-baseline"), Scenario("no-ceasefire"), "--runs", "400", "--months", "24", "--out", "{out}/result"]],
        ["sweep"] = [["sweep", Scenario("donbas-baseline"), "--over", "enforcement.deterrence=0.2:1:3", "--runs", "300", "--months", "24", "--out", "{out}/result"]],
        ["sensitivity-tornado"] = [["sensitivity", Scenario("donbas-baseline"), "--runs", "500", "--months", "24", "--out", "{out}/result"]],
        ["sensitivity-sobol"] = [["sensitivity", Scenario("donbas-baseline"), "--method", "sobol", "--samples", "64", "--months", "24", "--out", "{out}/result"]],
        ["calibrate"] = [["calibrate", Scenario("hindcast-russia-2018-2020"), "--observed", Path.Combine(TestScenarios.RepositoryRoot, "data", "observed", "russia-permits-2018-2020.csv"), "--particles", "60", "--max-generations", "2", "--runs", "300", "--quiet", "--out", "{out}/result"]],
        ["history-match"] = [["calibrate", Scenario("hindcast-russia-2018-2020"), "--observed", Path.Combine(TestScenarios.RepositoryRoot, "data", "observed", "russia-permits-2018-2020.csv"), "--method", "history-matching", "--candidates", "300", "--replicates", "3", "--out", "{out}/result"]],
        ["discover"] = [["discover", Scenario("donbas-baseline"), "--where", "remittances_usd > 3e8", "--runs", "1000", "--months", "36", "--out", "{out}/result"]],
        ["slurm"] = [["slurm", Scenario("donbas-baseline"), "--shards", "4", "--laborsim", "laborsim", "--out", "{out}/result"]],
        ["robust"] = [["robust", Scenario("policies-2027"), "--runs", "300", "--months", "60", "--satisfice", "remittances_usd < 2e8", "--out", "{out}/result"]],
        ["target"] = [["target", Scenario("policies-2027"), "--lever", "enforcement.expel_fraction", "--where", "remittances_usd > 1e9", "--at-most", "0.31", "--runs", "600", "--from", "2027-01", "--out", "{out}/result"]],
        ["voi"] = [["voi", Scenario("policies-2027"), "--plan", Path.Combine(TestScenarios.RepositoryRoot, "data", "planned", "monitoring-options.csv"), "--runs", "1500", "--out", "{out}/result"]],
        ["validate-defaults"] = [["validate", "--defaults"]],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verb_SmallRun_OutputsMatchGolden(string name)
    {
        string root = Path.Combine(Path.GetTempPath(), "laborsim-golden-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            var terminal = new StringBuilder();
            foreach (string[] command in VerbCases[name])
            {
                string[] args = [.. command.Select(a => a.Replace("{out}", root, StringComparison.Ordinal))];
                var (code, output, error) = CliHarness.Run(args);
                Assert.True(code == 0, $"{string.Join(' ', args)} exited {code}: {error}");
                terminal.Append(output);
            }
            var actual = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["terminal.txt"] = Normalise(terminal.ToString(), root),
            };
            string result = Path.Combine(root, "result");
            if (Directory.Exists(result))
            {
                foreach (string file in Directory.GetFiles(result, "*", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(result, file).Replace('\\', '/');
                    if (relative == ".laborsim-output")
                    {
                        continue;
                    }
                    actual[relative] = Content(file, root);
                }
            }
            MatchesGolden(name, actual);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Content(string file, string root)
    {
        string extension = Path.GetExtension(file);
        if (extension == ".png")
        {
            // Rasterised pixels may differ in their last bits between CPUs; the report's SVG text, hashed below, pins each chart.
            using var image = SkiaSharp.SKBitmap.Decode(file);
            return $"png {image.Width}x{image.Height}\n";
        }
        if (extension == ".parquet")
        {
            return "sha256 " + Hash(File.ReadAllBytes(file)) + "\n";
        }
        string text = File.ReadAllText(file);
        if (extension == ".html")
        {
            text = EmbeddedSvg().Replace(text, match => "data:image/svg+xml;sha256," + Hash(Convert.FromBase64String(match.Groups[1].Value)));
        }
        if (extension == ".json")
        {
            text = ElapsedSeconds().Replace(text, "");
        }
        return Normalise(text, root);
    }

    // Paths differ between clones and temporary folders: the repository and the output folder are named by placeholders.
    private static string Normalise(string text, string root) =>
        Seconds().Replace(text.Replace(root, "{out}", StringComparison.Ordinal).Replace(TestScenarios.RepositoryRoot, "{repo}", StringComparison.Ordinal), " in {t} s");

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];

    private static void MatchesGolden(string name, SortedDictionary<string, string> actual)
    {
        string folder = Path.Combine(TestScenarios.RepositoryRoot, "tests", "Simulation.Cli.Tests", "Golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            foreach (var (file, text) in actual)
            {
                string path = Path.Combine(folder, file + ".golden");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text, new UTF8Encoding(false));
            }
        }
        Assert.True(Directory.Exists(folder), $"{folder} is missing; create it with UPDATE_GOLDEN=1 dotnet test");
        var expected = Directory.GetFiles(folder, "*.golden", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/')[..^".golden".Length])
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual.Keys.ToList());
        foreach (var (file, text) in actual)
        {
            string golden = File.ReadAllText(Path.Combine(folder, file + ".golden"));
            Assert.True(golden == text, $"{name}/{file} differs from its golden file:\n{FirstDifference(golden, text)}");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "(end)";
            string right = i < b.Length ? b[i] : "(end)";
            if (left != right)
            {
                static string Cut(string s) => s.Length > 400 ? s[..400] + "..." : s;
                return $"line {i + 1}\n  golden: {Cut(left)}\n  actual: {Cut(right)}";
            }
        }
        return "(same lines, different line endings)";
    }

    [GeneratedRegex(@"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")]
    private static partial Regex EmbeddedSvg();

    [GeneratedRegex(@"\s*""elapsed_seconds"": [0-9.eE+-]+,?")]
    private static partial Regex ElapsedSeconds();

    [GeneratedRegex(@" in [0-9]+(\.[0-9]+)? s\b")]
    private static partial Regex Seconds();
}
