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

    /// <summary>Weights proportional to exp(<paramref name="logWeights"/>), summing to 1, scaled by the largest so that none overflows.</summary>
    public static double[] FromLogWeights(ReadOnlySpan<double> logWeights)
    {
        double top = double.NegativeInfinity;
        foreach (double w in logWeights)
        {
            top = Math.Max(top, w);
        }
        var weights = new double[logWeights.Length];
        double total = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = Math.Exp(logWeights[i] - top);
            total += weights[i];
        }
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] /= total;
        }
        return weights;
    }
}
