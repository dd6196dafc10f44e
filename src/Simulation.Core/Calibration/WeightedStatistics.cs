namespace Simulation.Core.Calibration;

/// <summary>Statistics of weighted samples (weights normalised to sum 1), as a posterior's particles are.</summary>
public static class WeightedStatistics
{
    /// <summary>Σ w x.</summary>
    public static double Mean(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += weights[i] * values[i];
        }
        return sum;
    }

    /// <summary>The standard deviation of the weighted distribution (not a bias-corrected estimate: particles describe it).</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        double mean = Mean(values, weights);
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double d = values[i] - mean;
            sum += weights[i] * d * d;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>The smallest value whose cumulative weight reaches <paramref name="p"/> (the inverse of the weighted CDF).</summary>
    public static double Quantile(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double p)
    {
        var order = new int[values.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var keys = values.ToArray();
        Array.Sort(keys, order);
        double cumulative = 0;
        for (int i = 0; i < order.Length; i++)
        {
            cumulative += weights[order[i]];
            if (cumulative >= p * (1 - 1e-12))
            {
                return keys[i];
            }
        }
        return keys[^1];
    }

    /// <summary>Kish's effective sample size, (Σ w)² / Σ w².</summary>
    public static double EffectiveSampleSize(ReadOnlySpan<double> weights)
    {
        double sum = 0, squares = 0;
        foreach (double w in weights)
        {
            sum += w;
            squares += w * w;
        }
        return squares > 0 ? sum * sum / squares : 0;
    }

    /// <summary>The weighted covariance matrix (d x d, row-major) of particle-major <paramref name="particles"/>.</summary>
    public static double[] Covariance(ReadOnlySpan<double> particles, ReadOnlySpan<double> weights, int dimensions)
    {
        int n = weights.Length;
        var mean = new double[dimensions];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < dimensions; j++)
            {
                mean[j] += weights[i] * particles[i * dimensions + j];
            }
        }
        var covariance = new double[dimensions * dimensions];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < dimensions; a++)
            {
                double da = particles[i * dimensions + a] - mean[a];
                for (int b = 0; b <= a; b++)
                {
                    covariance[a * dimensions + b] += weights[i] * da * (particles[i * dimensions + b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < dimensions; a++)
        {
            for (int b = 0; b < a; b++)
            {
                covariance[b * dimensions + a] = covariance[a * dimensions + b];
            }
        }
        return covariance;
    }
}
