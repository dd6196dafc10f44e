namespace Simulation.IO.Yaml;

/// <summary>Where a value came from: a file with 1-based line and column, or a command-line override (line 0).</summary>
public readonly record struct SourcePosition(string Source, int Line, int Column)
{
    /// <summary>"file:line:col" or, for a command-line value, just the source.</summary>
    public override string ToString() => Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
}
