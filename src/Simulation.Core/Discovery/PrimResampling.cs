using Simulation.Core.Random;

namespace Simulation.Core.Discovery;

/// <summary>
/// How reproducible a box's restrictions are: PRIM run afresh on random halves of the points (each half drawn from
/// its own stream keyed by the seed and the resample's number), the box of nearest coverage and the box of nearest
/// density taken from each new trajectory, and the share of resamples restricting each input counted.
/// </summary>
public static class PrimResampling
{
    /// <summary>Stream purpose of the resamples' halves.</summary>
    public const int StreamPurpose = 2_000_000_100;

    /// <summary>The reproducibility of every input over <paramref name="resamples"/> halves.</summary>
    public static IReadOnlyList<PrimReproducibility> Reproducibility(PrimData data, PrimTrajectory trajectory, int step, long seed, int resamples = 10, PrimOptions? options = null)
    {
        var chosen = trajectory.Steps[step];
        var byCoverage = new int[data.Dimensions];
        var byDensity = new int[data.Dimensions];
        int half = data.Count / 2;
        for (int r = 0; r < resamples; r++)
        {
            var rng = StreamKey.Generator(seed, r, StreamPurpose);
            var rows = Prim.AllRows(data.Count);
            // A partial Fisher-Yates shuffle: the first half of the array is a uniform random half of the points.
            for (int i = 0; i < half; i++)
            {
                int j = i + (int)(rng.NextDouble() * (rows.Length - i));
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }
            var chosenRows = rows[..half];
            Array.Sort(chosenRows);
            var resample = data.Subset(chosenRows);
            var again = Prim.Run(resample, options);
            var nearCoverage = Nearest(again, s => s.Coverage, chosen.Coverage, s => s.Density, chosen.Density);
            var nearDensity = Nearest(again, s => s.Density, chosen.Density, s => s.Coverage, chosen.Coverage);
            for (int d = 0; d < data.Dimensions; d++)
            {
                byCoverage[d] += nearCoverage.Box.Restricts(d, again.Initial) ? 1 : 0;
                byDensity[d] += nearDensity.Box.Restricts(d, again.Initial) ? 1 : 0;
            }
        }
        var shares = new PrimReproducibility[data.Dimensions];
        for (int d = 0; d < shares.Length; d++)
        {
            shares[d] = new PrimReproducibility(data.Names[d], (double)byCoverage[d] / resamples, (double)byDensity[d] / resamples);
        }
        return shares;
    }

    // Many boxes share a coverage of 1 (or a density of 1): among equally near ones, the nearest in the other measure.
    private static PrimStep Nearest(PrimTrajectory trajectory, Func<PrimStep, double> measure, double target, Func<PrimStep, double> other, double otherTarget)
    {
        var best = trajectory.Steps[0];
        foreach (var step in trajectory.Steps)
        {
            double distance = Math.Abs(measure(step) - target);
            double bestDistance = Math.Abs(measure(best) - target);
            if (distance < bestDistance || (distance == bestDistance && Math.Abs(other(step) - otherTarget) < Math.Abs(other(best) - otherTarget)))
            {
                best = step;
            }
        }
        return best;
    }
}
