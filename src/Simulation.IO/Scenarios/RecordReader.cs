using Simulation.Core.Calibration;
using Simulation.Core.Model;
using Simulation.IO.Calibration;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Reads <c>observed:</c>: the observation files a scenario cites (paths relative to the file that names them), each
/// checked as calibration checks it, so that a row the scenario cannot show is refused at its own line.
/// </summary>
internal static class RecordReader
{
    /// <summary>Every observation of the files, in order; null after recording problems.</summary>
    public static IReadOnlyList<Observation>? Read(YamlNode? node, Scenario scenario, ProblemList problems)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlSequence list)
        {
            problems.Add(node, "observed", $"must be a list of observation files such as [../data/observed/russia-entries-2023-2025.csv], got {node.Describe()}");
            return null;
        }
        int before = problems.Count;
        var record = new List<Observation>();
        var observed = new Simulation.IO.Calibration.ObservedValues(scenario);
        for (int i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            if (item is not YamlScalar { IsNull: false } scalar || scalar.Value.Trim().Length == 0)
            {
                problems.Add(item, $"observed[{i}]", $"must be the path of an observation file, got {item.Describe()}");
                continue;
            }
            string folder = Path.GetDirectoryName(Path.GetFullPath(item.Position.Source)) ?? ".";
            string path = Path.Combine(folder, scalar.Value.Trim());
            if (Directory.Exists(path))
            {
                problems.Add(item, $"observed[{i}]", $"{scalar.Value.Trim()} is a folder, not an observation file; name the .csv file inside it");
                continue;
            }
            if (!File.Exists(path))
            {
                problems.Add(item, $"observed[{i}]", $"{scalar.Value.Trim()} was not found (paths are relative to {Path.GetFileName(item.Position.Source)}: {path})");
                continue;
            }
            if (ObservationReader.ReadFile(path, scenario, problems, observed) is { } observations)
            {
                record.AddRange(observations);
            }
        }
        return problems.Count > before ? null : record;
    }
}
