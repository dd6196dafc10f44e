namespace Simulation.Core.Sampling;

/// <summary>How the runs' uncertain inputs are spread over their distributions (sampling: {method: ...}).</summary>
public enum SamplingMethod
{
    /// <summary>Independent draws, each input from its own stream (the default).</summary>
    MonteCarlo,

    /// <summary>Each input's range cut into as many equal-probability strata as runs, each stratum used once.</summary>
    LatinHypercube,

    /// <summary>Owen-scrambled Sobol' points: quasi-random, filling the input space more evenly than independent draws.</summary>
    Sobol,
}
