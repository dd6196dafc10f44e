namespace Simulation.Core.Requests;

/// <summary>How <c>laborsim sensitivity</c> ranks the inputs.</summary>
public enum SensitivityMethod
{
    /// <summary>Rank correlations and decile swings from one Monte Carlo run of every run's inputs and metrics.</summary>
    Tornado,

    /// <summary>First-order and total Sobol indices from Saltelli's design.</summary>
    Sobol,
}
