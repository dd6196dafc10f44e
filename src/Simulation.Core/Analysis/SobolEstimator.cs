using Simulation.Core.Random;

namespace Simulation.Core.Analysis;

/// <summary>
/// Variance-based sensitivity indices from Saltelli's sampling design with Jansen's estimators, as recommended by
/// Saltelli, Annoni, Azzini, Campolongo, Ratto and Tarantola, "Variance based sensitivity analysis of model output.
/// Design and estimator for the total sensitivity index", Computer Physics Communications 181 (2010) 259-270
/// (Table 2, estimators (b) for V_i and (f) for V_Ti, after Jansen 1999). Works on any function of independent
/// factors; the confidence intervals come from a bootstrap over the N base rows.
/// </summary>
public static class SobolEstimator
{
    /// <summary>Draws factor <c>factor</c> from its distribution.</summary>
    public delegate double FactorSampler(int factor, ref Xoshiro256StarStar rng);

    /// <summary>
    /// Samples matrices A and B (N rows, one column per factor) with independent draws, evaluates
    /// <paramref name="function"/> on A, B and each A_B^(i) (A with column i from B), and estimates the indices:
    /// N (d + 2) evaluations.
    /// </summary>
    public static SobolIndices Analyze(IReadOnlyList<string> factors, int baseSamples, FactorSampler sampler, Func<double[], double> function,
        int bootstrapSamples, long seed)
    {
        int d = factors.Count;
        var fA = new double[baseSamples];
        var fB = new double[baseSamples];
        var fAB = new double[d][];
        for (int i = 0; i < d; i++)
        {
            fAB[i] = new double[baseSamples];
        }
        var a = new double[d];
        var b = new double[d];
        var mixed = new double[d];
        for (int row = 0; row < baseSamples; row++)
        {
            for (int i = 0; i < d; i++)
            {
                var rngA = StreamKey.Generator(seed, row, 2 * i);
                var rngB = StreamKey.Generator(seed, row, 2 * i + 1);
                a[i] = sampler(i, ref rngA);
                b[i] = sampler(i, ref rngB);
            }
            EvaluateRow(function, a, b, mixed, row, fA, fB, fAB);
        }
        return Estimate(factors, fA, fB, fAB, bootstrapSamples, seed);
    }

    /// <summary>Row <paramref name="row"/> of Saltelli's design: f(A), f(B) and f(A_B^(i)), A with column i from B, for each factor i.</summary>
    private static void EvaluateRow(Func<double[], double> function, double[] a, double[] b, double[] mixed, int row, double[] fA, double[] fB, double[][] fAB)
    {
        fA[row] = function(a);
        fB[row] = function(b);
        for (int i = 0; i < a.Length; i++)
        {
            a.CopyTo(mixed, 0);
            mixed[i] = b[i];
            fAB[i][row] = function(mixed);
        }
    }

    /// <summary>The indices from evaluations on A, B and each A_B^(i), rows paired by index.</summary>
    public static SobolIndices Estimate(IReadOnlyList<string> factors, double[] fA, double[] fB, double[][] fAB, int bootstrapSamples, long seed)
    {
        int n = fA.Length;
        int d = factors.Count;
        var rows = new int[n];
        for (int j = 0; j < n; j++)
        {
            rows[j] = j;
        }
        var first = new double[d];
        var total = new double[d];
        double variance = Indices(fA, fB, fAB, rows, first, total);

        var bootFirst = new double[d][];
        var bootTotal = new double[d][];
        for (int i = 0; i < d; i++)
        {
            bootFirst[i] = new double[bootstrapSamples];
            bootTotal[i] = new double[bootstrapSamples];
        }
        var rng = StreamKey.Generator(seed, -1, 7);
        var resampledFirst = new double[d];
        var resampledTotal = new double[d];
        for (int s = 0; s < bootstrapSamples; s++)
        {
            for (int j = 0; j < n; j++)
            {
                rows[j] = (int)(rng.NextDouble() * n);
            }
            Indices(fA, fB, fAB, rows, resampledFirst, resampledTotal);
            for (int i = 0; i < d; i++)
            {
                bootFirst[i][s] = resampledFirst[i];
                bootTotal[i][s] = resampledTotal[i];
            }
        }
        var firstSe = new double[d];
        var totalSe = new double[d];
        var firstInterval = new (double, double)[d];
        var totalInterval = new (double, double)[d];
        for (int i = 0; i < d; i++)
        {
            firstSe[i] = StandardDeviation(bootFirst[i]);
            totalSe[i] = StandardDeviation(bootTotal[i]);
            firstInterval[i] = Interval(bootFirst[i]);
            totalInterval[i] = Interval(bootTotal[i]);
        }
        return new SobolIndices(factors, first, total, firstSe, totalSe, firstInterval, totalInterval, variance, n, bootstrapSamples);
    }

    /// <summary>
    /// The indices from evaluations on a design made of <paramref name="replicates"/> independently scrambled
    /// quasi-random blocks of equal size, rows in block order: the estimate from all rows, with the standard error
    /// and a Student t interval from the spread of the blocks' own estimates (Owen's randomized quasi-Monte Carlo). A
    /// bootstrap over the rows would treat quasi-random points as independent and overstate the error: measured 2.5 to
    /// 10.5 times the real spread between seeds (docs/analyses.md).
    /// </summary>
    public static SobolIndices EstimateReplicated(IReadOnlyList<string> factors, double[] fA, double[] fB, double[][] fAB, int replicates)
    {
        int n = fA.Length, d = factors.Count;
        if (replicates < 2 || n % replicates != 0 || n / replicates < 2)
        {
            throw new ArgumentException($"{n:N0} rows do not split into {replicates} equal blocks of at least 2", nameof(replicates));
        }
        var all = new int[n];
        for (int j = 0; j < n; j++)
        {
            all[j] = j;
        }
        var first = new double[d];
        var total = new double[d];
        double variance = Indices(fA, fB, fAB, all, first, total);
        int size = n / replicates;
        var block = new int[size];
        var blockFirst = new double[d][];
        var blockTotal = new double[d][];
        for (int i = 0; i < d; i++)
        {
            blockFirst[i] = new double[replicates];
            blockTotal[i] = new double[replicates];
        }
        var oneFirst = new double[d];
        var oneTotal = new double[d];
        for (int r = 0; r < replicates; r++)
        {
            for (int j = 0; j < size; j++)
            {
                block[j] = r * size + j;
            }
            Indices(fA, fB, fAB, block, oneFirst, oneTotal);
            for (int i = 0; i < d; i++)
            {
                blockFirst[i][r] = oneFirst[i];
                blockTotal[i][r] = oneTotal[i];
            }
        }
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, replicates - 1, 0.975);
        var firstSe = new double[d];
        var totalSe = new double[d];
        var firstInterval = new (double, double)[d];
        var totalInterval = new (double, double)[d];
        for (int i = 0; i < d; i++)
        {
            // The all-rows estimate averages the blocks' information: its error is a block's over sqrt(replicates).
            firstSe[i] = StandardDeviation(blockFirst[i]) / Math.Sqrt(replicates);
            totalSe[i] = StandardDeviation(blockTotal[i]) / Math.Sqrt(replicates);
            firstInterval[i] = (first[i] - t * firstSe[i], first[i] + t * firstSe[i]);
            totalInterval[i] = (total[i] - t * totalSe[i], total[i] + t * totalSe[i]);
        }
        return new SobolIndices(factors, first, total, firstSe, totalSe, firstInterval, totalInterval, variance, n, 0) { Replicates = replicates };
    }

    /// <summary>
    /// Saltelli's design on <paramref name="replicates"/> independently scrambled blocks of Owen-scrambled Sobol'
    /// points (dimensions 0 .. d - 1 for A, d .. 2d - 1 for B), each factor drawn by <paramref name="quantile"/>(i, u):
    /// the quasi-random counterpart of <see cref="Analyze"/>, N (d + 2) evaluations.
    /// </summary>
    public static SobolIndices AnalyzeQuasiRandom(IReadOnlyList<string> factors, int baseSamples, int replicates, Func<int, double, double> quantile,
        Func<double[], double> function, long seed)
    {
        int d = factors.Count, size = baseSamples / replicates;
        var fA = new double[baseSamples];
        var fB = new double[baseSamples];
        var fAB = new double[d][];
        for (int i = 0; i < d; i++)
        {
            fAB[i] = new double[baseSamples];
        }
        var a = new double[d];
        var b = new double[d];
        var mixed = new double[d];
        for (int row = 0; row < baseSamples; row++)
        {
            int replicate = row / size, point = row % size;
            ulong key = ReplicateKey(seed, replicate);
            for (int i = 0; i < d; i++)
            {
                var jitter = StreamKey.Generator(seed, row, 2 * i);
                a[i] = quantile(i, Sampling.SobolSequence.Uniform((uint)point, i, key, jitter.NextOpenDouble()));
                b[i] = quantile(i, Sampling.SobolSequence.Uniform((uint)point, d + i, key, jitter.NextOpenDouble()));
            }
            EvaluateRow(function, a, b, mixed, row, fA, fB, fAB);
        }
        return EstimateReplicated(factors, fA, fB, fAB, replicates);
    }

    /// <summary>The scramble key of replicate <paramref name="replicate"/>'s Sobol' points.</summary>
    public static ulong ReplicateKey(long seed, int replicate) => StreamKey.For(seed, 1 + replicate, Model.InputSampler.DesignStream);

    private static double Indices(double[] fA, double[] fB, double[][] fAB, int[] rows, double[] first, double[] total)
    {
        int n = rows.Length;
        // V from the 2N evaluations of A and B, which are independent samples of the output.
        double mean = 0;
        foreach (int j in rows)
        {
            mean += fA[j] + fB[j];
        }
        mean /= 2 * n;
        double variance = 0;
        foreach (int j in rows)
        {
            variance += (fA[j] - mean) * (fA[j] - mean) + (fB[j] - mean) * (fB[j] - mean);
        }
        variance /= 2 * n - 1;
        for (int i = 0; i < first.Length; i++)
        {
            double firstSum = 0, totalSum = 0;
            var ab = fAB[i];
            foreach (int j in rows)
            {
                double db = fB[j] - ab[j];
                double da = fA[j] - ab[j];
                firstSum += db * db;
                totalSum += da * da;
            }
            // Jansen: V_i = V - E[(f(B) - f(A_B^i))^2] / 2 ; V_Ti = E[(f(A) - f(A_B^i))^2] / 2.
            first[i] = variance > 0 ? (variance - firstSum / (2 * n)) / variance : double.NaN;
            total[i] = variance > 0 ? totalSum / (2 * n) / variance : double.NaN;
        }
        return variance;
    }

    private static double StandardDeviation(double[] values)
    {
        double mean = 0;
        foreach (double v in values) mean += v;
        mean /= values.Length;
        double sum = 0;
        foreach (double v in values) sum += (v - mean) * (v - mean);
        return values.Length > 1 ? Math.Sqrt(sum / (values.Length - 1)) : double.NaN;
    }

    private static (double, double) Interval(double[] values)
    {
        if (values.Length == 0)
        {
            return (double.NaN, double.NaN);
        }
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return (sorted[(int)(0.025 * (sorted.Length - 1))], sorted[(int)Math.Ceiling(0.975 * (sorted.Length - 1))]);
    }
}
