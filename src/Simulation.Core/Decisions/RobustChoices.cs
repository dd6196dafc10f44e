namespace Simulation.Core.Decisions;

/// <summary>The policy each decision criterion picks on one measure (ties in satisficing listed together).</summary>
public sealed record RobustChoices(string Laplace, string Maximin, string MinimaxRegret, string Hurwicz, IReadOnlyList<string> Satisficing);
