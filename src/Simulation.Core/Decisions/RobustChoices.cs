namespace Simulation.Core.Decisions;

/// <summary>
/// The policies each decision criterion picks on one measure: one, or several that tie exactly (a 0/1 measure's worst
/// case ties every policy that fails anywhere).
/// </summary>
public sealed record RobustChoices(IReadOnlyList<string> Laplace, IReadOnlyList<string> Maximin, IReadOnlyList<string> MinimaxRegret,
    IReadOnlyList<string> Hurwicz, IReadOnlyList<string> Satisficing);
