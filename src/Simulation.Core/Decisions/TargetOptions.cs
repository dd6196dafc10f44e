namespace Simulation.Core.Decisions;

/// <summary>
/// What <see cref="TargetSearch"/> looks for: the weakest setting of a lever in [<see cref="Low"/>, <see cref="High"/>]
/// at which P(condition) is at most <see cref="AtMost"/>.
/// </summary>
public sealed record TargetOptions
{
    /// <summary>Smallest value of the lever searched.</summary>
    public required double Low { get; init; }

    /// <summary>Largest value of the lever searched.</summary>
    public required double High { get; init; }

    /// <summary>True when smaller values are the stronger ones (e.g. a channel's openness): the weakest is then the largest.</summary>
    public bool StrongestIsLower { get; init; }

    /// <summary>The bound on P(condition).</summary>
    public required double AtMost { get; init; }

    /// <summary>
    /// Confidence of the one-sided upper Clopper-Pearson bound that judges P (0.95 by default); null judges the
    /// estimate itself.
    /// </summary>
    public double? Confidence { get; init; } = 0.95;

    /// <summary>Width of the final bracket, in the lever's units; default 1% of the range.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Points of the coarse grid that checks monotonicity and brackets the answer.</summary>
    public int GridPoints { get; init; } = 9;

    /// <summary>A rise of P from a weaker to a stronger grid point larger than this many standard errors is reported.</summary>
    public double MonotonicityStandardErrors { get; init; } = 3;

    /// <summary>The tolerance in the lever's units.</summary>
    public double AbsoluteTolerance => Tolerance ?? (High - Low) / 100;
}
