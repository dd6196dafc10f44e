namespace Simulation.Core.Catalogue;

/// <summary>Which way an outcome is better for the policy questions laborsim is built for (keeping the sending state's revenue and deployment low, enforcement likely).</summary>
public enum Goal
{
    /// <summary>Lower is better (revenue, workers abroad).</summary>
    Minimise,

    /// <summary>Higher is better (enforcement hitting the scheme).</summary>
    Maximise,
}
