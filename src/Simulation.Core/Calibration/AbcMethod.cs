namespace Simulation.Core.Calibration;

/// <summary>How <see cref="AbcEngine"/> searches for the posterior.</summary>
public enum AbcMethod
{
    /// <summary>Sequential Monte Carlo ABC (Toni et al. 2009, weights of Beaumont et al. 2009).</summary>
    Smc,

    /// <summary>Rejection ABC: the closest candidates drawn from the prior.</summary>
    Rejection,
}
