namespace Simulation.Core.Decisions;

/// <summary>How a target search ended.</summary>
public enum TargetStatus
{
    /// <summary>A setting inside the range meets the bound and a weaker one does not: the answer is bracketed to the tolerance.</summary>
    Found,

    /// <summary>Even the weakest setting meets the bound.</summary>
    MetAtWeakest,

    /// <summary>No setting in the range meets the bound, not even the strongest.</summary>
    NeverMet,
}
