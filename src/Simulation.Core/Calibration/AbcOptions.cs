namespace Simulation.Core.Calibration;

/// <summary>Settings of <see cref="AbcEngine.Run"/>; the defaults are those of docs/calibration.md.</summary>
public sealed record AbcOptions
{
    /// <summary>Particles in the posterior.</summary>
    public int Particles { get; init; } = 1000;

    /// <summary>ABC-SMC or rejection.</summary>
    public AbcMethod Method { get; init; } = AbcMethod.Smc;

    /// <summary>Rejection: the share of prior candidates kept (particles / quantile candidates are drawn).</summary>
    public double Quantile { get; init; } = 0.01;

    /// <summary>ABC-SMC stops when a generation accepts fewer than this share of its candidates.</summary>
    public double MinAcceptance { get; init; } = 0.01;

    /// <summary>ABC-SMC stops after this many generations (generation 0 included).</summary>
    public int MaxGenerations { get; init; } = 20;

    /// <summary>
    /// ABC-SMC: generation g's tolerance is this quantile of generation g - 1's accepted distances (0.5, the median,
    /// as docs/calibration.md says). Distances that take few values (counts) can need a lower one to reach zero.
    /// </summary>
    public double ToleranceQuantile { get; init; } = 0.5;

    /// <summary>ABC-SMC stops when the tolerance falls by less than this share in a generation.</summary>
    public double MinToleranceDrop { get; init; } = 0.05;

    /// <summary>
    /// With an error model: the number of observations whose standardized residuals the simulator's distance is the
    /// root mean square of. ABC-SMC then stops shrinking its tolerance where the observations' own errors take over
    /// (sqrt of the 90% point of chi-squared with that many degrees of freedom, per observation) and ends with a
    /// generation that accepts each candidate with probability exp(-sum r^2 / 2): the likelihood of the stated
    /// errors (Wilkinson 2013), so the posterior is prior x likelihood, not the data taken as exact. 0: none (the
    /// distance is compared with a tolerance only).
    /// </summary>
    public int KernelObservations { get; init; }

    /// <summary>Root of every random stream.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>What the prior is called in the stop reason and errors ("the prior", or a restriction of it).</summary>
    public string PriorName { get; init; } = "the prior";

    /// <summary>Worker threads; the result never depends on them.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Checked between batches of candidates.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Called after each batch of candidates, from the calling thread.</summary>
    public Action<AbcProgress>? Progress { get; init; }
}
