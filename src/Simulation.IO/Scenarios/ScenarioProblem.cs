using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>One reason a scenario cannot run: "file:line:col: key.path: message".</summary>
public sealed record ScenarioProblem(SourcePosition Position, string KeyPath, string Message)
{
    /// <inheritdoc />
    public override string ToString() => KeyPath.Length > 0 ? $"{Position}: {KeyPath}: {Message}" : $"{Position}: {Message}";
}
