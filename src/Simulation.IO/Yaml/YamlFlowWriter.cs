using System.Text;

namespace Simulation.IO.Yaml;

/// <summary>Writes a node as YAML flow text, e.g. {dist: uniform, min: 1, max: 2}.</summary>
public static class YamlFlowWriter
{
    /// <summary>The node as one line of YAML.</summary>
    public static string Write(YamlNode node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    /// <summary>A YAML double-quoted string (JSON escapes are valid YAML).</summary>
    public static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text,
        new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static void Append(StringBuilder builder, YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                builder.Append(scalar.IsQuoted || NeedsQuotes(scalar.Value) ? Quote(scalar.Value) : scalar.Value);
                break;
            case YamlSequence sequence:
                builder.Append('[');
                for (int i = 0; i < sequence.Items.Count; i++)
                {
                    if (i > 0) builder.Append(", ");
                    Append(builder, sequence.Items[i]);
                }
                builder.Append(']');
                break;
            case YamlMapping mapping:
                builder.Append('{');
                for (int i = 0; i < mapping.Entries.Count; i++)
                {
                    if (i > 0) builder.Append(", ");
                    Append(builder, mapping.Entries[i].Key);
                    builder.Append(": ");
                    Append(builder, mapping.Entries[i].Value);
                }
                builder.Append('}');
                break;
        }
    }

    private static bool NeedsQuotes(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }
        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+'))
            {
                return true;
            }
        }
        return false;
    }
}
