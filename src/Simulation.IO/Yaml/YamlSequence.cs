namespace Simulation.IO.Yaml;

/// <summary>A sequence.</summary>
public sealed record YamlSequence(SourcePosition Position, IReadOnlyList<YamlNode> Items) : YamlNode(Position)
{
    /// <inheritdoc />
    public override string Describe() => "a list";
}
