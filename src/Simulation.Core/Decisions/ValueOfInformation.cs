using Simulation.Core.Analysis;
using Simulation.Core.Random;

namespace Simulation.Core.Decisions;

/// <summary>
/// Value of information by regression over Monte Carlo runs (Strong, Oakley and Brennan 2014, 2015; the R package
/// voi): what learning an input, or seeing an observation, would do to a forecast (variance-based) or to a decision
/// (expected value). Every conditional expectation is a <see cref="RegressionSmoother"/> fit over the runs.
/// </summary>
public static class ValueOfInformation
{
    /// <summary>Bootstrap resamples behind each standard error.</summary>
    public const int Bootstraps = 20;

    /// <summary>
    /// Var(E[m | x]): the variance of the forecast of <paramref name="m"/> that learning x would remove (EVPPI-var for an
    /// input, EVSI-var for a simulated observation). The fitted values' variance overstates it by the noise the fit
    /// absorbs, about (p - 1) / n times the residual variance for p coefficients; that is subtracted. The standard error
    /// is the bootstrap's, refitting on each resample of the runs.
    /// </summary>
    public static VoiEstimate ExplainedVariance(IReadOnlyList<double[]> xs, double[] m, long seed, int purpose)
    {
        double value = ExplainedVariance(xs, m);
        var estimates = new double[Bootstraps];
        for (int b = 0; b < Bootstraps; b++)
        {
            var (rx, rm) = Resample(xs, [m], seed, b, purpose);
            estimates[b] = ExplainedVariance(rx, rm[0]);
        }
        return new VoiEstimate(value, StandardDeviation(estimates));
    }

    /// <summary>
    /// EVPI = E[max_p U_p] - max_p E[U_p] over the runs, for utilities <paramref name="utilities"/>[p][run]. Its standard
    /// error is that of the mean of max_p U_p - U_best, the best policy on average held fixed.
    /// </summary>
    public static VoiEstimate Evpi(IReadOnlyList<double[]> utilities)
    {
        int n = utilities[0].Length;
        int best = Best(utilities.Select(Mean).ToArray());
        var regret = new double[n];
        for (int r = 0; r < n; r++)
        {
            double max = double.NegativeInfinity;
            foreach (var u in utilities)
            {
                max = Math.Max(max, u[r]);
            }
            regret[r] = max - utilities[best][r];
        }
        return new VoiEstimate(Mean(regret), StandardDeviation(regret) / Math.Sqrt(n));
    }

    /// <summary>
    /// EVPPI of the inputs <paramref name="xs"/> for the decision among policies with utilities
    /// <paramref name="utilities"/>[p][run]: E_x[max_p E[U_p | x]] - max_p E[U_p], each policy's gain over the first
    /// (its incremental net benefit) regressed on x. Standard error by bootstrap.
    /// </summary>
    public static VoiEstimate Evppi(IReadOnlyList<double[]> xs, IReadOnlyList<double[]> utilities, long seed, int purpose)
    {
        double value = Evppi(xs, utilities);
        var estimates = new double[Bootstraps];
        for (int b = 0; b < Bootstraps; b++)
        {
            var (rx, ru) = Resample(xs, utilities, seed, b, purpose);
            estimates[b] = Evppi(rx, ru);
        }
        return new VoiEstimate(value, StandardDeviation(estimates));
    }

    private static double ExplainedVariance(IReadOnlyList<double[]> xs, double[] m)
    {
        var (fitted, p) = RegressionSmoother.Fit(xs, m);
        int n = m.Length;
        double mean = Mean(fitted), spread = 0, residual = 0;
        for (int i = 0; i < n; i++)
        {
            spread += (fitted[i] - mean) * (fitted[i] - mean);
            residual += (m[i] - fitted[i]) * (m[i] - fitted[i]);
        }
        double noise = (p - 1) * residual / Math.Max(1, n - p) / n;
        return Math.Max(0, spread / n - noise);
    }

    private static double Evppi(IReadOnlyList<double[]> xs, IReadOnlyList<double[]> utilities)
    {
        int n = utilities[0].Length, policies = utilities.Count;
        var fits = new double[policies][];
        fits[0] = new double[n];
        var gain = new double[n];
        for (int k = 1; k < policies; k++)
        {
            for (int r = 0; r < n; r++)
            {
                gain[r] = utilities[k][r] - utilities[0][r];
            }
            fits[k] = RegressionSmoother.Fit(xs, gain).Fitted;
        }
        double withInformation = 0;
        for (int r = 0; r < n; r++)
        {
            double max = 0;
            for (int k = 1; k < policies; k++)
            {
                max = Math.Max(max, fits[k][r]);
            }
            withInformation += max;
        }
        double without = 0;
        for (int k = 1; k < policies; k++)
        {
            without = Math.Max(without, Mean(fits[k]));
        }
        return Math.Max(0, withInformation / n - without);
    }

    private static (double[][] Xs, double[][] Ys) Resample(IReadOnlyList<double[]> xs, IReadOnlyList<double[]> ys, long seed, int resample, int purpose)
    {
        int n = ys[0].Length;
        var rng = StreamKey.Generator(seed, resample, purpose);
        var rows = new int[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = (int)(rng.NextDouble() * n);
        }
        static double[] Pick(double[] column, int[] rows)
        {
            var picked = new double[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                picked[i] = column[rows[i]];
            }
            return picked;
        }
        return ([.. xs.Select(x => Pick(x, rows))], [.. ys.Select(y => Pick(y, rows))]);
    }

    private static int Best(double[] means)
    {
        int best = 0;
        for (int k = 1; k < means.Length; k++)
        {
            if (means[k] > means[best])
            {
                best = k;
            }
        }
        return best;
    }

    private static double Mean(double[] values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }
        return sum / values.Length;
    }

    private static double StandardDeviation(double[] values)
    {
        double mean = Mean(values), sum = 0;
        foreach (double v in values)
        {
            sum += (v - mean) * (v - mean);
        }
        return Math.Sqrt(sum / Math.Max(1, values.Length - 1));
    }
}
