namespace Simulation.IO.Output;

/// <summary>Another process published an output folder at the same place while this one ran; this run's output was kept beside it.</summary>
public sealed class OutputConflictException(string message, string keptAt) : IOException(message)
{
    /// <summary>Where this run's complete output was left.</summary>
    public string KeptAt { get; } = keptAt;
}
