namespace Simulation.Core.Catalogue;

/// <summary>A probability by the horizon that every run result gives: the share of runs in which an event has happened by the last month.</summary>
public enum HorizonProbability
{
    /// <summary>Enforcement has hit the scheme at least once by the horizon (the last month of <see cref="Series.Enforced"/>).</summary>
    Enforced,

    /// <summary>The ceasefire has come by the horizon (the last month of <see cref="Series.Postwar"/>).</summary>
    Ceasefire,
}
