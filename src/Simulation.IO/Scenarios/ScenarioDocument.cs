using System.Text;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// A scenario's keys as YAML nodes after overrides and defaults, in schema order: what was run, ready to be
/// written back as scenario.yaml.
/// </summary>
public sealed class ScenarioDocument
{
    private readonly Dictionary<string, YamlNode> _values;

    internal ScenarioDocument(Dictionary<string, YamlNode> values) => _values = values;

    /// <summary>The node of <paramref name="path"/> (every schema key has one).</summary>
    public YamlNode this[string path] => _values[path];

    /// <summary>The scenario as YAML, one key per line, distributions in flow style.</summary>
    public string ToYaml(string header)
    {
        var builder = new StringBuilder();
        foreach (string line in header.Split('\n'))
        {
            builder.Append("# ").Append(line).Append('\n');
        }
        string section = "";
        foreach (var key in ScenarioSchema.Keys)
        {
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
            var node = _values[key.Path];
            string text = key.Kind is KeyKind.Text or KeyKind.Name && node is YamlScalar scalar
                ? YamlFlowWriter.Quote(scalar.Value)
                : YamlFlowWriter.Write(node);
            builder.Append(indent).Append(key.Name).Append(": ").Append(text);
            if (key.Unit.Length > 0 && key.Kind is KeyKind.Parameter or KeyKind.Integer)
            {
                builder.Append("   # ").Append(key.Unit);
            }
            builder.Append('\n');
        }
        return builder.ToString();
    }
}
