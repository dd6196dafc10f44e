namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Stop once the 95% confidence interval of <paramref name="Quantity"/> is narrow enough: for a metric, its
/// mean's half-width relative to |mean|; for a probability by the horizon (<see cref="Catalogue.OutputCatalogue.Probabilities"/>),
/// the absolute half-width. Checked only at fixed run counts (checkpoints), so the same command always stops
/// after the same number of runs.
/// </summary>
/// <param name="Quantity">A metric name (e.g. "remittances_usd") or a probability name.</param>
/// <param name="HalfWidth">The target half-width (&gt; 0).</param>
/// <param name="MaxRuns">The most runs to make if the target is not met sooner.</param>
public sealed record PrecisionTarget(string Quantity, double HalfWidth, long MaxRuns)
{
    /// <summary>True when the target is a probability by the horizon (an absolute half-width), false for a metric's mean (a relative one).</summary>
    public bool IsProbability => Catalogue.OutputCatalogue.TryParseProbability(Quantity, out _);

    /// <summary>Fewest runs before the target is first checked, so that an early lucky streak cannot stop the run.</summary>
    public const long MinimumRuns = 8 * MonteCarloRunner.BlockSize;

    /// <summary>The run counts at which the target is checked: 8,192 and then about 25% more each time, in whole blocks, ending at <see cref="MaxRuns"/>.</summary>
    public IEnumerable<long> Checkpoints()
    {
        long runs = Math.Min(MinimumRuns, MaxRuns);
        while (true)
        {
            yield return runs;
            if (runs >= MaxRuns)
            {
                yield break;
            }
            long step = Math.Max(MinimumRuns, runs / 4 / MonteCarloRunner.BlockSize * MonteCarloRunner.BlockSize);
            runs = Math.Min(MaxRuns, runs + step);
        }
    }
}
