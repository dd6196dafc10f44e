using MathNet.Numerics.Distributions;

namespace Simulation.Core.Decisions;

/// <summary>
/// The weakest setting of a lever at which P(condition) is at most a bound (docs/decisions.md, "laborsim target"): a
/// coarse grid over the lever's range (which checks that P falls as the lever strengthens, and brackets the answer),
/// then bisection to the tolerance. P is judged by the one-sided upper Clopper-Pearson bound, so the answer errs on the
/// strong side by the Monte Carlo error, and converges to the true one as the futures grow. The simulator is a
/// delegate, as the ABC engine's is: given lever values it says, per future, whether the condition held, every value on
/// the same futures (common random numbers).
/// </summary>
public static class TargetSearch
{
    /// <summary>
    /// Searches with <paramref name="simulate"/>, which evaluates several lever values at once (on the same futures) and
    /// returns, for each value, whether the condition held in each future.
    /// </summary>
    public static TargetResult Run(Func<IReadOnlyList<double>, bool[][]> simulate, TargetOptions options)
    {
        if (!(options.High > options.Low) || options.GridPoints < 2 || !(options.AtMost >= 0 && options.AtMost < 1))
        {
            throw new ArgumentException("a target search needs low < high, two or more grid points and a bound in [0, 1)");
        }
        var points = new List<TargetPoint>();
        // The grid from the weakest setting to the strongest.
        var grid = new double[options.GridPoints];
        for (int i = 0; i < grid.Length; i++)
        {
            double fraction = (double)i / (grid.Length - 1);
            grid[i] = options.StrongestIsLower ? options.High - fraction * (options.High - options.Low) : options.Low + fraction * (options.High - options.Low);
        }
        var gridHits = simulate(grid);
        for (int i = 0; i < grid.Length; i++)
        {
            points.Add(Point(grid[i], "grid", gridHits[i], options));
        }
        var breaks = Breaks(grid, gridHits, options.MonotonicityStandardErrors);
        int firstMeeting = points.FindIndex(p => p.Meets);
        if (firstMeeting < 0)
        {
            return new TargetResult(TargetStatus.NeverMet, null, points, breaks) { WeakerBracket = grid[^1] };
        }
        if (firstMeeting == 0)
        {
            return new TargetResult(TargetStatus.MetAtWeakest, grid[0], points, breaks);
        }
        double weaker = grid[firstMeeting - 1], stronger = grid[firstMeeting];
        while (Math.Abs(stronger - weaker) > options.AbsoluteTolerance)
        {
            double middle = (weaker + stronger) / 2;
            var point = Point(middle, "bisection", simulate([middle])[0], options);
            points.Add(point);
            if (point.Meets)
            {
                stronger = middle;
            }
            else
            {
                weaker = middle;
            }
        }
        return new TargetResult(TargetStatus.Found, stronger, points, breaks) { WeakerBracket = weaker };
    }

    /// <summary>
    /// The one-sided upper Clopper-Pearson bound on a probability of which <paramref name="hits"/> of
    /// <paramref name="runs"/> trials were seen, at <paramref name="confidence"/>: the p at which seeing
    /// <paramref name="hits"/> or fewer has probability 1 - confidence, the Beta(hits + 1, runs - hits) quantile.
    /// </summary>
    public static double ClopperPearsonUpper(int hits, int runs, double confidence) =>
        hits >= runs ? 1 : Beta.InvCDF(hits + 1, runs - hits, confidence);

    private static TargetPoint Point(double value, string phase, bool[] hits, TargetOptions options)
    {
        int count = 0;
        foreach (bool hit in hits)
        {
            count += hit ? 1 : 0;
        }
        double judged = options.Confidence is { } confidence ? ClopperPearsonUpper(count, hits.Length, confidence) : (double)count / hits.Length;
        return new TargetPoint(value, phase, count, hits.Length, judged, judged <= options.AtMost);
    }

    // Neighbours on the grid (weaker, stronger) where P rises by more than the allowance of paired standard errors:
    // with b futures meeting the condition only at the stronger point and c only at the weaker, the difference is
    // (b - c) / n with standard error sqrt(b + c - (b - c)^2 / n) / n (McNemar's).
    private static List<MonotonicityBreak> Breaks(double[] grid, bool[][] hits, double allowance)
    {
        var breaks = new List<MonotonicityBreak>();
        for (int i = 1; i < grid.Length; i++)
        {
            int onlyStronger = 0, onlyWeaker = 0, weakerHits = 0, strongerHits = 0;
            int n = hits[i].Length;
            for (int f = 0; f < n; f++)
            {
                bool weak = hits[i - 1][f], strong = hits[i][f];
                onlyStronger += strong && !weak ? 1 : 0;
                onlyWeaker += weak && !strong ? 1 : 0;
                weakerHits += weak ? 1 : 0;
                strongerHits += strong ? 1 : 0;
            }
            double difference = (double)(onlyStronger - onlyWeaker) / n;
            double se = Math.Sqrt(Math.Max(0, onlyStronger + onlyWeaker - (double)(onlyStronger - onlyWeaker) * (onlyStronger - onlyWeaker) / n)) / n;
            if (difference > 0 && difference > allowance * se)
            {
                breaks.Add(new MonotonicityBreak(grid[i - 1], grid[i], (double)weakerHits / n, (double)strongerHits / n, se));
            }
        }
        return breaks;
    }
}
