namespace Simulation.IO.Yaml;

/// <summary>A mapping, entries in document order; duplicate keys are kept so that they can be reported.</summary>
public sealed record YamlMapping(SourcePosition Position, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries) : YamlNode(Position)
{
    /// <inheritdoc />
    public override string Describe() => "a mapping";
}
