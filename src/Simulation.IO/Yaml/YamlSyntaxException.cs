namespace Simulation.IO.Yaml;

/// <summary>The text is not YAML this tool can read; <see cref="Position"/> says where.</summary>
public sealed class YamlSyntaxException(SourcePosition position, string message) : Exception(message)
{
    /// <summary>Where the problem is.</summary>
    public SourcePosition Position { get; } = position;
}
