namespace Simulation.IO.Yaml;

/// <summary>A node of a parsed YAML document, with its position for error messages.</summary>
public abstract record YamlNode(SourcePosition Position)
{
    /// <summary>What kind of value this is, for "got ..." in messages.</summary>
    public abstract string Describe();
}
