namespace Simulation.Application.Plans;

/// <summary>What every verb with a planner was asked about its output, as the user gave it.</summary>
public abstract record VerbSettings
{
    /// <summary>Whether thresholds were asked for (--threshold), which a verb that does not give them refuses with the fix.</summary>
    public bool ThresholdsGiven { get; init; }

    /// <summary>The --set assignments, for the default output folder's name.</summary>
    public IReadOnlyList<string> Assignments { get; init; } = [];

    /// <summary>The output folder, or null for the verb's default.</summary>
    public string? Out { get; init; }

    /// <summary>Replace an existing laborsim output folder.</summary>
    public bool Force { get; init; }

    /// <summary>Draw the PNG charts.</summary>
    public bool Plots { get; init; } = true;
}
