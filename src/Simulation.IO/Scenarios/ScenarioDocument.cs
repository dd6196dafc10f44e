using System.Text;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// A scenario's keys as YAML nodes after overrides and defaults, in schema order: what was run, ready to be
/// written back as scenario.yaml. A scenario with a posterior also carries the posterior file's text, which is part
/// of what was run.
/// </summary>
public sealed class ScenarioDocument
{
    private readonly Dictionary<string, YamlNode> _values;

    internal ScenarioDocument(Dictionary<string, YamlNode> values) => _values = values;

    /// <summary>The node of <paramref name="path"/> (every schema key has one).</summary>
    public YamlNode this[string path] => _values[path];

    /// <summary>The text of the posterior file the scenario reads (<c>posterior: {file: ...}</c>), or null.</summary>
    public string? PosteriorText { get; internal init; }

    /// <summary>
    /// The record the scenario cites (<c>observed:</c>): observations its runs are drawn against on the charts. They
    /// change no number of the runs, so they travel with the document, not the scenario.
    /// </summary>
    public IReadOnlyList<Simulation.Core.Calibration.Observation> Record { get; internal init; } = [];

    /// <summary>A copy with the node of <paramref name="path"/> replaced by YAML <paramref name="yaml"/>.</summary>
    public ScenarioDocument With(string path, string yaml, string? posteriorText = null)
    {
        if (ScenarioSchema.Find(path) is null)
        {
            throw new ArgumentException($"'{path}' is no scenario key", nameof(path));
        }
        var values = new Dictionary<string, YamlNode>(_values, StringComparer.Ordinal)
        {
            [path] = YamlTreeReader.Read(yaml, "laborsim") ?? throw new ArgumentException("no value", nameof(yaml)),
        };
        return new ScenarioDocument(values) { PosteriorText = posteriorText ?? PosteriorText };
    }

    /// <summary>
    /// The scenario as YAML, one key per line, distributions in flow style. With a posterior, <paramref name="posteriorFile"/>
    /// (if given) replaces the path it was read from, for a copy written beside the YAML.
    /// </summary>
    public string ToYaml(string header, string? posteriorFile = null)
    {
        var builder = new StringBuilder();
        foreach (string line in header.Split('\n'))
        {
            builder.Append("# ").Append(line).Append('\n');
        }
        string section = "";
        foreach (var key in ScenarioSchema.Keys)
        {
            var node = _values[key.Path];
            // A key whose default is nothing (a policy, a posterior, a ceasefire condition) is written only when given.
            if (key.DefaultYaml == "~" && node is null or YamlScalar { IsNull: true })
            {
                continue;
            }
            if (key.Kind == KeyKind.Observed)
            {
                // The record only draws on charts; its paths are relative to the original file, so the copy leaves it out.
                continue;
            }
            if (key.Section != section)
            {
                section = key.Section;
                builder.Append('\n');
                if (section.Length > 0)
                {
                    builder.Append(section).Append(":\n");
                }
            }
            string indent = section.Length > 0 ? "  " : "";
            string text = key.Kind is KeyKind.Text or KeyKind.Name && node is YamlScalar scalar
                ? YamlFlowWriter.Quote(scalar.Value)
                : key.Kind == KeyKind.Posterior && posteriorFile is not null
                    ? $"{{file: {YamlFlowWriter.Quote(posteriorFile)}}}"
                    : YamlFlowWriter.Write(node);
            if (key.Kind == KeyKind.Posterior)
            {
                builder.Append('\n');
            }
            builder.Append(indent).Append(key.Name).Append(": ").Append(text);
            if (key.Unit.Length > 0 && key.Kind is KeyKind.Parameter or KeyKind.Integer)
            {
                builder.Append("   # ").Append(key.Unit);
            }
            builder.Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>
    /// The files of the scenario as run, named <paramref name="yamlName"/>: the YAML and, with a posterior, its particles
    /// beside it as NAME.posterior.csv, which the YAML then names, so that the folder runs again on its own.
    /// </summary>
    public IReadOnlyList<(string Name, string Text)> AsRun(string yamlName, string header)
    {
        if (PosteriorText is not { } posterior)
        {
            return [(yamlName, ToYaml(header))];
        }
        string posteriorFile = Path.GetFileNameWithoutExtension(yamlName) + ".posterior.csv";
        return [(posteriorFile, posterior), (yamlName, ToYaml(header, posteriorFile))];
    }

    /// <summary>Writes <see cref="AsRun"/>'s files into the folder of <paramref name="yamlPath"/>.</summary>
    public void WriteAsRun(string yamlPath, string header)
    {
        foreach (var (name, text) in AsRun(Path.GetFileName(yamlPath), header))
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(yamlPath) ?? "", name), text, new UTF8Encoding(false));
        }
    }
}
