namespace Simulation.Core.Calibration;

/// <summary>
/// Posterior probabilities of competing models with their standard errors, each surviving model's own posterior, the
/// generations, and the generation in which any model died out.
/// </summary>
public sealed class ModelChoiceResult
{
    internal ModelChoiceResult(IReadOnlyList<double> prior, IReadOnlyList<double> probabilities, IReadOnlyList<double> standardErrors, IReadOnlyList<int?> diedIn,
        IReadOnlyList<AbcResult?> posteriors, IReadOnlyList<ModelChoiceGeneration> generations, string stopReason, long simulations, TimeSpan elapsed)
    {
        Prior = prior;
        Probabilities = probabilities;
        StandardErrors = standardErrors;
        DiedIn = diedIn;
        Posteriors = posteriors;
        Generations = generations;
        StopReason = stopReason;
        Simulations = simulations;
        Elapsed = elapsed;
    }

    /// <summary>Each model's prior probability.</summary>
    public IReadOnlyList<double> Prior { get; }

    /// <summary>Each model's posterior probability (the sum of its particles' weights).</summary>
    public IReadOnlyList<double> Probabilities { get; }

    /// <summary>
    /// Each probability's standard error, sqrt(p (1 - p) / ESS) with ESS the effective sample size of all the last
    /// generation's weights: the binomial error of a weighted sample of that size.
    /// </summary>
    public IReadOnlyList<double> StandardErrors { get; }

    /// <summary>The generation in which each model lost its last particle (null while it has some).</summary>
    public IReadOnlyList<int?> DiedIn { get; }

    /// <summary>Each model's posterior (weights normalised within the model); null for a model that died out.</summary>
    public IReadOnlyList<AbcResult?> Posteriors { get; }

    /// <summary>The generations, in order.</summary>
    public IReadOnlyList<ModelChoiceGeneration> Generations { get; }

    /// <summary>Why the search stopped.</summary>
    public string StopReason { get; }

    /// <summary>Model runs.</summary>
    public long Simulations { get; }

    /// <summary>Wall time.</summary>
    public TimeSpan Elapsed { get; }
}
