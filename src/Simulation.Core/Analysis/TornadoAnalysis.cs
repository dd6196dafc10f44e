using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Random;

namespace Simulation.Core.Analysis;

/// <summary>One-run sensitivity: for each uncertain input and each chosen metric, rank correlation and decile swing, from a run table.</summary>
/// <remarks>
/// The swings' 95% intervals come from a Poisson bootstrap (each run weighted by an independent Poisson(1) count, as
/// in Hanley and MacGibbon 2006 and Chamandy et al. 2012): with the runs sorted once by the input, a replicate's
/// lowest decile is the first runs from the low end whose weights add up to a tenth of the runs, and likewise from
/// the high end, so a replicate costs a fifth of the runs, not a sort. Weights come from streams keyed by the seed,
/// the replicate, the input and the metric, so the intervals do not depend on threads.
/// </remarks>
public static class TornadoAnalysis
{
    /// <summary>Stream purpose of the bootstrap weights.</summary>
    public const int BootstrapStream = 2_000_000_200;

    /// <summary>Bootstrap replicates by default.</summary>
    public const int DefaultReplicates = 200;

    /// <summary>Analyses <paramref name="table"/>; results sorted by metric, then by |swing| descending.</summary>
    public static IReadOnlyList<InputSensitivity> Analyze(RunTable table, IReadOnlyList<Metric> metrics, long seed = 0, int replicates = DefaultReplicates)
    {
        var results = new List<InputSensitivity>();
        int inputs = table.InputNames.Count;
        foreach (var metric in metrics)
        {
            int metricColumn = inputs + (int)metric;
            var perMetric = new List<InputSensitivity>();
            for (int input = 0; input < inputs; input++)
            {
                var x = new List<double>();
                var y = new List<double>();
                for (long run = 0; run < table.Runs; run++)
                {
                    var row = table.Row(run);
                    if (!double.IsNaN(row[metricColumn]))
                    {
                        x.Add(row[input]);
                        y.Add(row[metricColumn]);
                    }
                }
                perMetric.Add(Analyze(table.InputNames[input], metric, [.. x], [.. y], seed, input, replicates));
            }
            perMetric.Sort((a, b) => Math.Abs(b.Swing).CompareTo(Math.Abs(a.Swing)));
            results.AddRange(perMetric);
        }
        return results;
    }

    /// <summary>
    /// The sensitivity of outputs <paramref name="y"/> to inputs <paramref name="x"/>, paired by index, with
    /// <paramref name="replicates"/> bootstrap replicates (0: none) from streams of <paramref name="seed"/> and <paramref name="inputIndex"/>.
    /// </summary>
    public static InputSensitivity Analyze(string input, Metric metric, double[] x, double[] y, long seed = 0, int inputIndex = 0, int replicates = 0)
    {
        int n = x.Length;
        if (n < 10)
        {
            return new InputSensitivity(input, metric, double.NaN, double.NaN, double.NaN, n);
        }
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        var keys = (double[])x.Clone();
        // Stable order for ties (discrete inputs): by input, then by run.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        int decile = n / 10;
        double low = 0, high = 0;
        for (int i = 0; i < decile; i++)
        {
            low += y[order[i]];
            high += y[order[n - 1 - i]];
        }
        var sensitivity = new InputSensitivity(input, metric, RankCorrelation.Spearman(x, y), low / decile, high / decile, n);
        if (replicates < 2)
        {
            return sensitivity;
        }
        var lows = new double[replicates];
        var highs = new double[replicates];
        var swings = new double[replicates];
        for (int b = 0; b < replicates; b++)
        {
            var rng = StreamKey.Generator(seed, b, BootstrapStream, inputIndex * 64 + (int)metric);
            lows[b] = WeightedDecileMean(y, order, decile, fromTop: false, ref rng);
            highs[b] = WeightedDecileMean(y, order, decile, fromTop: true, ref rng);
            swings[b] = highs[b] - lows[b];
        }
        return sensitivity with
        {
            LowDecileInterval = Percentiles(lows),
            HighDecileInterval = Percentiles(highs),
            SwingInterval = Percentiles(swings),
        };
    }

    private static double WeightedDecileMean(double[] y, int[] order, int decile, bool fromTop, ref Xoshiro256StarStar rng)
    {
        long weight = 0;
        double sum = 0;
        int n = order.Length;
        for (int i = 0; i < n && weight < decile; i++)
        {
            int k = PoissonOne(ref rng);
            if (k == 0)
            {
                continue;
            }
            weight += k;
            sum += k * y[order[fromTop ? n - 1 - i : i]];
        }
        return sum / weight;
    }

    // Poisson(1) by inversion of its distribution function: one uniform and on average two comparisons.
    private static int PoissonOne(ref Xoshiro256StarStar rng)
    {
        double u = rng.NextDouble();
        double p = 0.36787944117144233;
        double cumulative = p;
        int k = 0;
        while (u > cumulative && k < 30)
        {
            k++;
            p /= k;
            cumulative += p;
        }
        return k;
    }

    private static (double Low, double High) Percentiles(double[] values)
    {
        Array.Sort(values);
        return (Interpolate(values, 0.025), Interpolate(values, 0.975));
    }

    private static double Interpolate(double[] sorted, double q)
    {
        double rank = q * (sorted.Length - 1);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
