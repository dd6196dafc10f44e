using Simulation.Core.Catalogue;
using Simulation.Core.Discovery;
using Simulation.Core.Model;

namespace Simulation.Core.Decisions;

/// <summary>What <c>laborsim robust</c> found: the futures table, each policy's scores on each measure, and which futures break each policy.</summary>
public sealed record RobustResult(Scenario Scenario, IReadOnlyList<Policy> Policies, FuturesTable Table, IReadOnlyList<PolicyScore> Scores,
    IReadOnlyList<FailureAnalysis> Failures)
{
    /// <summary>The Hurwicz weight on the worst outcome.</summary>
    public double Hurwicz { get; init; } = 0.5;

    /// <summary>The satisficing condition, or null.</summary>
    public OutcomeCondition? Satisfice { get; init; }

    /// <summary>The regret bound that defines failure on the first measure, or null.</summary>
    public double? Regret { get; init; }

    /// <summary>Wall time of the runs and the analysis.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Each policy's score on <paramref name="measure"/>, in policy order.</summary>
    public IReadOnlyList<PolicyScore> ScoresOf(Measure measure) => [.. Scores.Where(s => s.Measure.Name == measure.Name)];

    /// <summary>
    /// The policy each criterion picks on <paramref name="measure"/>: Laplace (best mean), maximin (best worst case),
    /// minimax regret, Hurwicz, and satisficing (the highest share; ties listed together). The criteria disagree by
    /// design: reports give them all.
    /// </summary>
    public RobustChoices Choices(Measure measure)
    {
        var scores = ScoresOf(measure);
        bool minimise = measure.Goal == Goal.Minimise;
        IReadOnlyList<string> Pick(Func<PolicyScore, double> value, bool lowerIsBetter)
        {
            double best = lowerIsBetter ? scores.Min(value) : scores.Max(value);
            return [.. scores.Where(s => value(s) == best).Select(s => s.Policy)];
        }
        IReadOnlyList<string> satisficing = scores.All(s => s.Satisficing is not null) ? Pick(s => s.Satisficing!.Value, false) : [];
        return new RobustChoices(Pick(s => s.Mean, minimise), Pick(s => s.Worst, minimise), Pick(s => s.RegretMax, true),
            Pick(s => s.Hurwicz, minimise), satisficing);
    }
}
