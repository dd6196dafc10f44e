namespace Simulation.Core;

/// <summary>The engine's identity, written into every result.</summary>
public static class EngineInfo
{
    /// <summary>The engine version (major.minor.patch), from the build's Version property.</summary>
    public static string Version { get; } = typeof(EngineInfo).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>The version of the model (docs/model.md) the engine implements.</summary>
    public const int ModelVersion = 2;
}
