using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Requests;
using Simulation.IO.Analysis;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Inputs;

/// <summary>
/// A folder 'laborsim run --save-runs' wrote, read back: its runs.csv (within the memory here) and the scenario.yaml
/// beside it, which must be the scenario those runs came from, since its labels, dates and seed are used with them.
/// </summary>
public sealed record SavedRuns(string RunsPath, RunTable? Table, Scenario? AsRun)
{
    /// <summary>Reads <paramref name="folder"/>; every problem goes to <paramref name="problems"/>.</summary>
    public static SavedRuns Read(string folder, Problems problems)
    {
        var tableProblems = new ProblemList();
        string runsPath = Path.Combine(folder, RunsCsvWriter.FileName);
        var table = RunsCsvReader.Read(runsPath, tableProblems, ResourceBudget.Current().MemoryBytes);
        problems.Add(tableProblems.Items);
        string asRunPath = Path.Combine(folder, "scenario.yaml");
        Scenario? asRun = null;
        if (File.Exists(asRunPath) || Directory.Exists(asRunPath))
        {
            var loaded = ScenarioReader.LoadFile(asRunPath);
            problems.Add(loaded.Problems);
            asRun = loaded.Scenario;
            if (asRun is not null && table is not null && !asRun.RecordedInputNames().SequenceEqual(table.InputNames))
            {
                problems.Line($"{asRunPath}:1:1: is not the scenario {runsPath} came from: its uncertain inputs are {Listed(asRun.RecordedInputNames())}, "
                    + $"the runs' are {Listed(table.InputNames)}; discover on the folder 'laborsim run --save-runs' wrote, unchanged");
            }
        }
        return new SavedRuns(runsPath, table, asRun);
    }

    private static string Listed(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Take(6)) + (names.Count > 6 ? $" and {names.Count - 6:N0} more" : "");
}
