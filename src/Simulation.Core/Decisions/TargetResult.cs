namespace Simulation.Core.Decisions;

/// <summary>
/// What a target search found: <see cref="Answer"/>, the weakest setting known to meet the bound (null when none in the
/// range does), every setting evaluated in order, and where P(condition) was not monotone on the grid.
/// </summary>
public sealed record TargetResult(TargetStatus Status, double? Answer, IReadOnlyList<TargetPoint> Points, IReadOnlyList<MonotonicityBreak> Breaks)
{
    /// <summary>The evaluation at <see cref="Answer"/>, if there is one.</summary>
    public TargetPoint? AtAnswer => Answer is { } answer ? Points.Last(p => p.Value == answer) : null;

    /// <summary>
    /// The weakest setting evaluated that does not meet the bound, next to the answer (the other end of the final
    /// bracket); null when even the weakest meets it.
    /// </summary>
    public double? WeakerBracket { get; init; }
}
