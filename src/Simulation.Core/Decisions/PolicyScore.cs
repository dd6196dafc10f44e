namespace Simulation.Core.Decisions;

/// <summary>How one policy fares on one measure over the futures (docs/decisions.md, "laborsim robust").</summary>
public sealed record PolicyScore(string Policy, Measure Measure)
{
    /// <summary>Futures in which the measure has a value.</summary>
    public int Futures { get; init; }

    /// <summary>Mean over the futures (Laplace's criterion).</summary>
    public double Mean { get; init; }

    /// <summary>Monte Carlo standard error of <see cref="Mean"/>.</summary>
    public double MeanSe { get; init; }

    /// <summary>Median over the futures.</summary>
    public double Median { get; init; }

    /// <summary>The bad tail: p90 of a measure to minimise, p10 of one to maximise.</summary>
    public double Tail { get; init; }

    /// <summary>The worst value in any future (maximin): a sample extreme, which grows with the number of futures.</summary>
    public double Worst { get; init; }

    /// <summary>The best value in any future.</summary>
    public double Best { get; init; }

    /// <summary>Mean regret: how much worse than the best policy in each future, on average.</summary>
    public double RegretMean { get; init; }

    /// <summary>Monte Carlo standard error of <see cref="RegretMean"/>.</summary>
    public double RegretMeanSe { get; init; }

    /// <summary>90th percentile of regret.</summary>
    public double RegretP90 { get; init; }

    /// <summary>Largest regret in any future (minimax regret; a sample extreme).</summary>
    public double RegretMax { get; init; }

    /// <summary>Hurwicz's criterion: a x worst + (1 - a) x best.</summary>
    public double Hurwicz { get; init; }

    /// <summary>Share of futures meeting the satisficing condition (Starr's domain criterion), or null without one.</summary>
    public double? Satisficing { get; init; }

    /// <summary>Binomial standard error of <see cref="Satisficing"/>.</summary>
    public double? SatisficingSe { get; init; }
}
