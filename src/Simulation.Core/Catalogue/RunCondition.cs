namespace Simulation.Core.Catalogue;

/// <summary>A condition on a run that results are also given under, beside the unconditional ones.</summary>
public enum RunCondition
{
    /// <summary>The ceasefire came within the horizon.</summary>
    CeasefireCame,

    /// <summary>At least one worker was abroad at some point (the runs that deploy nobody are left out).</summary>
    WorkersAbroad,
}
