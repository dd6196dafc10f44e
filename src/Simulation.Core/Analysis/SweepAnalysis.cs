using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Analysis;

/// <summary>
/// Runs a scenario over a grid of one or two levers with common random numbers: every point keeps the scenario's
/// seed, so differences between points come from the levers, not from noise.
/// </summary>
public static class SweepAnalysis
{
    /// <summary>
    /// Every grid point as a scenario, the first lever varying fastest; each is <paramref name="scenario"/> with
    /// the levers set through <see cref="Scenario.With"/>.
    /// </summary>
    public static IReadOnlyList<(IReadOnlyList<double> LeverValues, Scenario Scenario)> Grid(Scenario scenario, IReadOnlyList<SweepLever> levers)
    {
        if (levers.Count is < 1 or > 2)
        {
            throw new ArgumentException("a sweep takes one or two levers", nameof(levers));
        }
        var points = new List<(IReadOnlyList<double>, Scenario)>();
        var first = levers[0];
        var second = levers.Count > 1 ? levers[1] : null;
        foreach (double secondValue in second?.Values ?? [double.NaN])
        {
            var outer = second is null ? scenario : scenario.With(second.KeyPath, InputDistribution.Fixed(secondValue));
            foreach (double firstValue in first.Values)
            {
                var point = outer.With(first.KeyPath, InputDistribution.Fixed(firstValue));
                points.Add((second is null ? [firstValue] : [firstValue, secondValue], point));
            }
        }
        return points;
    }

    /// <summary>Runs every point of <see cref="Grid"/>; progress counts runs over the whole grid.</summary>
    public static IReadOnlyList<SweepPoint> Run(Scenario scenario, IReadOnlyList<SweepLever> levers, RunnerOptions options)
    {
        var grid = Grid(scenario, levers);
        long total = scenario.Runs * grid.Count;
        var results = new List<SweepPoint>(grid.Count);
        long before = 0;
        foreach (var (values, point) in grid)
        {
            long offset = before;
            var progress = options.Progress;
            var result = MonteCarloRunner.Run(point, options with
            {
                Progress = progress is null ? null : p => progress(new RunProgress(offset + p.Done, total, null)),
            });
            results.Add(new SweepPoint(values, result));
            before += result.Runs;
        }
        return results;
    }
}
