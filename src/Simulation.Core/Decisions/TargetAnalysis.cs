using Simulation.Core.Discovery;
using Simulation.Core.Model;

namespace Simulation.Core.Decisions;

/// <summary>
/// What <c>laborsim target</c> found on <see cref="Scenario"/>: with one lever, the search on it (<see cref="Single"/>);
/// with two, for each value of the first on a grid, the weakest setting of the second (<see cref="Frontier"/>).
/// </summary>
public sealed record TargetAnalysis(Scenario Scenario, IReadOnlyList<Lever> Levers, OutcomeCondition Condition, TargetOptions Options)
{
    /// <summary>The search on the one lever, or null with two.</summary>
    public TargetResult? Single { get; init; }

    /// <summary>The frontier with two levers (empty with one).</summary>
    public IReadOnlyList<FrontierPoint> Frontier { get; init; } = [];

    /// <summary>Options of the first lever's grid with two levers: its range and strength.</summary>
    public TargetOptions? FirstLever { get; init; }

    /// <summary>The month the levers took each searched value from; null for the whole horizon.</summary>
    public Simulation.Core.Calendar.YearMonth? From { get; init; }

    /// <summary>Wall-clock time of the search.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Futures each setting was judged on.</summary>
    public long Futures => Scenario.Runs;
}
