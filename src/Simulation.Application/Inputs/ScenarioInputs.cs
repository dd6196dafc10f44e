using Simulation.IO.Scenarios;

namespace Simulation.Application.Inputs;

/// <summary>Loads scenario files with a command's overrides, adding their problems and warnings to the ones found so far.</summary>
public static class ScenarioInputs
{
    /// <summary>
    /// The scenario in <paramref name="file"/> with <paramref name="overrides"/> applied; null (with the problems added)
    /// when it cannot run. <paramref name="strict"/> refuses a correlation matrix that would otherwise be repaired.
    /// </summary>
    public static ScenarioLoadResult? Load(string file, IReadOnlyList<ScenarioOverride> overrides, bool strict, Problems problems)
    {
        var loaded = ScenarioReader.LoadFile(file, overrides, strict);
        problems.Add(loaded.Problems);
        foreach (var warning in loaded.Warnings)
        {
            string where = warning.KeyPath.Length > 0 ? $"{warning.Position}: {warning.KeyPath}" : warning.Position.ToString();
            problems.Warnings.Add($"{where}: warning: {warning.Message}");
        }
        return loaded.IsValid && loaded.Document is not null ? loaded : null;
    }
}
