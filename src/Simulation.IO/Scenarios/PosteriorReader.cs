using Simulation.Core.Model;
using Simulation.IO.Calibration;
using Simulation.IO.Text;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>Reads <c>posterior: {file: PATH}</c>: the particles of a calibration, checked against the scenario that names them.</summary>
internal static class PosteriorReader
{
    /// <summary>
    /// The scenario with its posterior; <paramref name="text"/> is the file's text (part of what is run). Inputs that
    /// <paramref name="overrides"/> set take the set value, not the posterior's (a warning says so).
    /// </summary>
    public static Scenario? Read(YamlNode node, Scenario scenario, IReadOnlyList<ScenarioOverride>? overrides, ProblemList problems, ProblemList warnings,
        out string? text)
    {
        text = null;
        if (node is not YamlMapping mapping || mapping.Entries.Count != 1 || mapping.Entries[0].Key.Value != "file"
            || mapping.Entries[0].Value is not YamlScalar { IsNull: false } file || file.Value.Trim().Length == 0)
        {
            problems.Add(node, "posterior", $"must be {{file: posterior.csv}} naming the particles laborsim calibrate wrote, got {node.Describe()}");
            return null;
        }
        string source = file.Position.Source;
        string folder = source.StartsWith("--", StringComparison.Ordinal) ? "" : Path.GetDirectoryName(source) ?? "";
        string path = Path.Combine(folder, file.Value.Trim());
        if (Directory.Exists(path))
        {
            problems.Add(file, "posterior.file", $"{path}: is a folder, not a posterior file; name the posterior.csv inside it");
            return null;
        }
        if (!File.Exists(path))
        {
            problems.Add(file, "posterior.file", $"{path}: no such file (the path is relative to {(folder.Length > 0 ? folder : "the current folder")})");
            return null;
        }
        text = TextFileReader.Read(path, PosteriorCsv.MaxFileBytes, problems, "a posterior file");
        if (text is null)
        {
            return null;
        }
        var columns = text.Split('\n', 2)[0].TrimEnd('\r').Split(',').Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
        var setElsewhere = new List<string>();
        foreach (var change in overrides ?? [])
        {
            if (columns.Contains(change.KeyPath))
            {
                setElsewhere.Add(change.KeyPath);
                warnings.Add(new SourcePosition(change.Source, 0, 0), change.KeyPath,
                    $"replaces the posterior's joint values of this input ({path}); its other inputs still come from the posterior");
            }
        }
        var posterior = PosteriorCsv.Read(text, path, scenario, problems, setElsewhere);
        if (posterior is null)
        {
            return null;
        }
        return scenario with { Posterior = posterior };
    }
}
