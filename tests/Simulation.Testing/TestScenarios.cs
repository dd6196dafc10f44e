using Simulation.Core.Calendar;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.IO.Scenarios;

namespace Simulation.Testing;

/// <summary>Scenarios for tests: a quiet all-fixed base to modify with <c>with</c>, and the shipped files.</summary>
public static class TestScenarios
{
    private static InputDistribution F(double value) => InputDistribution.Fixed(value);

    /// <summary>
    /// Every parameter fixed; no workers, no flows, no hazard, no exchange-rate noise, no ceasefire. Tests switch on
    /// exactly what they study.
    /// </summary>
    public static Scenario Quiet(int months = 24, long runs = 1000, long seed = 42) => new(
        "quiet",
        "test scenario",
        new YearMonth(2025, 1),
        months,
        runs,
        seed,
        new CeasefireAssumptions(F(0), F(1)),
        new DemandAssumptions(F(0), F(0), F(1)),
        new SupplyAssumptions(F(0), F(0), F(0)),
        new ContractAssumptions(F(1e300)),
        new PayAssumptions(F(70000), F(90), F(0), F(0), F(0.8)),
        new EnforcementAssumptions(F(0), [], F(0), F(0), F(1), F(0)));

    /// <summary>The repository root, found from the test's working folder.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Simulation.sln")))
            {
                folder = folder.Parent;
            }
            return folder?.FullName ?? throw new InvalidOperationException("Simulation.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Every shipped scenario file.</summary>
    public static IReadOnlyList<string> ShippedFiles() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot, "scenarios"), "*.yaml").Order(StringComparer.Ordinal)];

    /// <summary>A shipped scenario, loaded, with optional overrides such as ("runs", "2000").</summary>
    public static Scenario Shipped(string name, params (string Key, string Value)[] overrides)
    {
        var list = new List<ScenarioOverride>();
        foreach (var (key, value) in overrides)
        {
            list.Add(new ScenarioOverride(key, value, "test"));
        }
        var result = ScenarioReader.LoadFile(Path.Combine(RepositoryRoot, "scenarios", name + ".yaml"), list);
        if (!result.IsValid)
        {
            throw new InvalidOperationException(string.Join("\n", result.Problems));
        }
        return result.Scenario!;
    }
}
