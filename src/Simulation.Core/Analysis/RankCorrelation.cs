namespace Simulation.Core.Analysis;

/// <summary>Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing their average rank.</summary>
public static class RankCorrelation
{
    /// <summary>Spearman's rho of the pairs (x[i], y[i]); NaN when either side is constant or there are fewer than 3 pairs.</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("x and y must have the same length");
        }
        if (x.Length < 3)
        {
            return double.NaN;
        }
        return Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>1-based ranks, ties averaged.</summary>
    public static double[] Ranks(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        var order = new int[n];
        var keys = values.ToArray();
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        Array.Sort(keys, order);
        var ranks = new double[n];
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }
            double average = (start + end + 1) / 2.0;
            for (int i = start; i < end; i++)
            {
                ranks[order[i]] = average;
            }
            start = end;
        }
        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double meanX = 0, meanY = 0;
        for (int i = 0; i < x.Length; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= x.Length;
        meanY /= y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }
}
