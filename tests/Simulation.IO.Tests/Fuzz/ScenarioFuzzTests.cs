using System.Diagnostics;
using System.Globalization;
using System.Text;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Scenarios;
using Simulation.Testing;
using Xunit.Sdk;

namespace Simulation.IO.Tests.Fuzz;

/// <summary>
/// A seeded mutation fuzzer over the shipped scenarios and the regression files beside this one: every input must
/// either run (a few runs) or be refused with positioned problems; never an unhandled exception, a hang or runaway
/// memory. An input that once broke the loader belongs in regressions/ for good.
/// </summary>
public class ScenarioFuzzTests
{
    private const int Inputs = 10_000;

    private static readonly string[] ExtremeValues =
    [
        "1e308", "-1e308", "1e-308", "0", "-1", "-0", ".nan", ".inf", "-.inf", "NaN", "99999999999999999999999", "0.5", "1e15",
        "\"12\"", "", "~", "[]", "{}", "2024-13", "0x10", "1_000", "1,5", "true", "yes", "&x 3", "*x", "!!str 5", "{dist: uniform}",
        "{dist: normal, mean: 0, sd: 0}", "{dist: discrete, values: [], weights: []}", "{dist: beta, alpha: 1e-300, beta: 1e-300}",
        "{dist: gamma, shape: 1e300, scale: 1e300}", "{dist: lognormal, median: 1e300, p95: 1e308}",
    ];

    private static readonly string[] Families = ["uniform", "normal", "lognormal", "triangular", "pert", "beta", "gamma", "exponential", "discrete", "unknown"];

    private static IEnumerable<(string Name, string Text)> Corpus()
    {
        foreach (string file in TestScenarios.ShippedFiles())
        {
            yield return (Path.GetFileName(file), File.ReadAllText(file));
        }
        foreach (string file in Directory.GetFiles(RegressionFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            yield return ("regressions/" + Path.GetFileName(file), File.ReadAllText(file));
        }
    }

    private static string RegressionFolder => Path.Combine(TestScenarios.RepositoryRoot, "tests", "Simulation.IO.Tests", "Fuzz", "regressions");

    [Fact]
    public void Corpus_IncludesTheRegressionFiles()
    {
        Assert.True(Directory.GetFiles(RegressionFolder, "*.yaml").Length >= 5);
    }

    [Fact]
    public void RegressionFiles_RunOrAreRefusedWithPositions()
    {
        foreach (var (name, text) in Corpus())
        {
            Check(name, text);
        }
    }

    [Fact]
    public void MutatedScenarios_TenThousand_RunOrAreRefusedWithPositions()
    {
        var corpus = Corpus().ToList();
        var rng = new Xoroshiro(20261128);
        for (int i = 0; i < Inputs; i++)
        {
            var (name, text) = corpus[rng.Next(corpus.Count)];
            int mutations = 1 + rng.Next(3);
            for (int m = 0; m < mutations; m++)
            {
                text = Mutate(text, rng);
            }
            Check($"input {i} from {name}", text);
        }
    }

    private static void Check(string name, string text)
    {
        var clock = Stopwatch.StartNew();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            var result = ScenarioReader.Load(text, "fuzz.yaml", [new ScenarioOverride("runs", "16", "fuzz")]);
            if (result.IsValid)
            {
                try
                {
                    MonteCarloRunner.Run(result.Scenario! with { Months = Math.Min(result.Scenario!.Months, 240) }, new RunnerOptions { Threads = 1 });
                }
                catch (ModelOverflowException)
                {
                    // Reported to the user as a clear error: an accepted outcome.
                }
            }
            else
            {
                Assert.NotEmpty(result.Problems);
                foreach (var problem in result.Problems)
                {
                    if (problem.Position.Source != "fuzz.yaml" || problem.Position.Line < 1 || problem.Position.Column < 1 || problem.Message.Length == 0)
                    {
                        throw new XunitException($"unpositioned problem '{problem}'");
                    }
                }
            }
        }
        catch (Exception exception) when (exception is not XunitException)
        {
            SaveFailure(text);
            throw new XunitException($"{name}: {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}\n--- input ---\n{Shorten(text)}");
        }
        catch (XunitException exception)
        {
            SaveFailure(text);
            throw new XunitException($"{name}: {exception.Message}\n--- input ---\n{Shorten(text)}");
        }
        if (clock.Elapsed > TimeSpan.FromSeconds(5))
        {
            throw new XunitException($"{name}: took {clock.Elapsed.TotalSeconds:0.0} s\n--- input ---\n{Shorten(text)}");
        }
        long used = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (used > 256L << 20)
        {
            throw new XunitException($"{name}: allocated {used >> 20} MiB\n--- input ---\n{Shorten(text)}");
        }
    }

    /// <summary>With FUZZ_SAVE_FAILURES=1 a failing input is kept in regressions/, to be fixed and then tested for good.</summary>
    private static void SaveFailure(string text)
    {
        if (Environment.GetEnvironmentVariable("FUZZ_SAVE_FAILURES") == "1")
        {
            string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
            File.WriteAllText(Path.Combine(RegressionFolder, $"found-{hash}.yaml"), text);
        }
    }

    private static string Shorten(string text) => text.Length > 4000 ? text[..4000] + "..." : text;

    private static string Mutate(string text, Xoroshiro rng)
    {
        var lines = text.Split('\n').ToList();
        int line = lines.Count > 0 ? rng.Next(lines.Count) : 0;
        switch (rng.Next(14))
        {
            case 0 when lines.Count > 1:
                lines.RemoveAt(line);
                break;
            case 1:
                lines.Insert(line, lines[line]);
                break;
            case 2 when lines.Count > 1:
                int other = rng.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            case 3:
                lines[line] = ReplaceValue(lines[line], ExtremeValues[rng.Next(ExtremeValues.Length)]);
                break;
            case 4:
                var bytes = new StringBuilder();
                int count = 1 + rng.Next(8);
                for (int i = 0; i < count; i++)
                {
                    bytes.Append((char)rng.Next(rng.Next(4) == 0 ? 0x3000 : 128));
                }
                int at = rng.Next(lines[line].Length + 1);
                lines[line] = lines[line].Insert(at, bytes.ToString());
                break;
            case 5:
                return text[..rng.Next(text.Length + 1)];
            case 6:
                lines[line] = rng.Next(3) switch { 0 => "  " + lines[line], 1 => lines[line].TrimStart(), _ => "\t" + lines[line] };
                break;
            case 7:
                var keys = ScenarioSchema.Keys.Select(k => k.Name).ToList();
                string key = keys[rng.Next(keys.Count)];
                if (rng.Next(2) == 0 && key.Length > 2)
                {
                    int drop = rng.Next(key.Length);
                    key = key.Remove(drop, 1);
                }
                int colon = lines[line].IndexOf(':');
                if (colon > 0)
                {
                    string indent = lines[line][..(lines[line].Length - lines[line].TrimStart().Length)];
                    lines[line] = indent + key + lines[line][colon..];
                }
                break;
            case 8:
                int depth = 1 + rng.Next(60);
                lines[line] = ReplaceValue(lines[line], new string('[', depth) + "1" + new string(']', depth));
                break;
            case 9:
                lines[line] = ReplaceValue(lines[line], "&anchor" + rng.Next(3) + " 5");
                lines[rng.Next(lines.Count)] = ReplaceValue(lines[rng.Next(lines.Count)], "*anchor" + rng.Next(3));
                break;
            case 10:
                lines.Insert(line, "description: " + new string('x', 1 + rng.Next(200_000)));
                break;
            case 11:
                int second = rng.Next(lines.Count);
                string a = ValueOf(lines[line]);
                string b = ValueOf(lines[second]);
                lines[line] = ReplaceValue(lines[line], b);
                lines[second] = ReplaceValue(lines[second], a);
                break;
            case 12:
                lines[line] = lines[line].Replace(Families[rng.Next(Families.Length)], Families[rng.Next(Families.Length)], StringComparison.Ordinal);
                break;
            default:
                lines[line] = ReplaceValue(lines[line], (rng.NextDouble() * Math.Pow(10, rng.Next(40) - 20) * (rng.Next(2) == 0 ? 1 : -1)).ToString("R", CultureInfo.InvariantCulture));
                break;
        }
        return string.Join('\n', lines);
    }

    private static string ValueOf(string line)
    {
        int colon = line.IndexOf(':');
        return colon < 0 ? "" : line[(colon + 1)..].Trim();
    }

    private static string ReplaceValue(string line, string value)
    {
        int colon = line.IndexOf(':');
        return colon < 0 ? line + " " + value : line[..(colon + 1)] + " " + value;
    }

    /// <summary>A small seeded generator so that the fuzz inputs are the same on every run.</summary>
    private sealed class Xoroshiro(ulong seed)
    {
        private Simulation.Core.Random.Xoshiro256StarStar _rng = new(seed);

        public int Next(int bound) => bound <= 0 ? 0 : (int)(_rng.NextUInt64() % (ulong)bound);

        public double NextDouble() => _rng.NextDouble();
    }
}
