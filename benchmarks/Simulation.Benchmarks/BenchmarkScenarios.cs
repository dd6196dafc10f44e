using Simulation.Core.Model;
using Simulation.IO.Scenarios;

namespace Simulation.Benchmarks;

/// <summary>Loads shipped scenarios for benchmarks, found from the build folder upwards.</summary>
public static class BenchmarkScenarios
{
    public static Scenario Load(string name, long runs, int months = 60)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Simulation.sln")))
        {
            folder = folder.Parent;
        }
        string path = Path.Combine(folder?.FullName ?? throw new InvalidOperationException("repository root not found"), "scenarios", name + ".yaml");
        var result = ScenarioReader.LoadFile(path, [new ScenarioOverride("runs", runs.ToString(System.Globalization.CultureInfo.InvariantCulture), "benchmark"),
            new ScenarioOverride("months", months.ToString(System.Globalization.CultureInfo.InvariantCulture), "benchmark")]);
        return result.Scenario ?? throw new InvalidOperationException(string.Join("\n", result.Problems));
    }
}
