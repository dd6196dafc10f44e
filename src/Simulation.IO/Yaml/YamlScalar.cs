namespace Simulation.IO.Yaml;

/// <summary>A scalar; <paramref name="IsQuoted"/> tells "5" (a string) from 5 (a number).</summary>
public sealed record YamlScalar(SourcePosition Position, string Value, bool IsQuoted) : YamlNode(Position)
{
    /// <summary>True for a plain empty scalar or ~ / null: YAML's null.</summary>
    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc />
    public override string Describe()
    {
        if (IsNull)
        {
            return "nothing (an empty value)";
        }
        string shown = Value.Length > 60 ? Value[..57] + "..." : Value;
        return IsQuoted ? $"the text \"{shown}\"" : shown;
    }
}
