namespace Simulation.Core.Distributions;

/// <summary>The families a scenario parameter may be drawn from (docs/scenario-format.md), plus a fixed value.</summary>
public enum DistributionKind
{
    /// <summary>A plain number: no randomness.</summary>
    Fixed,
    /// <summary>Uniform on [min, max].</summary>
    Uniform,
    /// <summary>Normal, truncated to [min, max] when bounds are given.</summary>
    Normal,
    /// <summary>Log-normal with log-mean mu and log-sd sigma.</summary>
    LogNormal,
    /// <summary>Triangular on [min, max] with the given mode.</summary>
    Triangular,
    /// <summary>Beta-PERT with shape 4 on [min, max].</summary>
    Pert,
    /// <summary>Beta(alpha, beta) on [0, 1].</summary>
    Beta,
    /// <summary>Gamma with shape and scale.</summary>
    Gamma,
    /// <summary>Exponential with the given mean.</summary>
    Exponential,
    /// <summary>A finite set of values with (unnormalised) weights.</summary>
    Discrete,
}
