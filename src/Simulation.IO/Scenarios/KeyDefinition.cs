using Simulation.Core.Catalogue;

namespace Simulation.IO.Scenarios;

/// <summary>
/// One key of the scenario format: its path, kind, default (as YAML), unit, meaning and accepted range. Numeric
/// parameters are views of the core catalogue's <see cref="ParameterDefinition"/>, named in <see cref="Parameter"/>.
/// </summary>
public sealed record KeyDefinition(string Path, KeyKind Kind, string? DefaultYaml, string Unit, string Meaning, ValueRange? Range = null,
    ParameterDefinition? Parameter = null)
{
    /// <summary>The key of a numeric parameter of the catalogue.</summary>
    public static KeyDefinition Of(ParameterDefinition parameter) =>
        new(parameter.KeyPath, KeyKind.Parameter, parameter.DefaultText, parameter.Unit, parameter.Meaning, parameter.Range, parameter);

    /// <summary>The section ("pay") or "" for a top-level key.</summary>
    public string Section => Path.Contains('.') ? Path[..Path.IndexOf('.')] : "";

    /// <summary>The last part of the path ("wage").</summary>
    public string Name => Path.Contains('.') ? Path[(Path.IndexOf('.') + 1)..] : Path;

    /// <summary>True when the key has no default and must be written.</summary>
    public bool IsRequired => DefaultYaml is null;
}
