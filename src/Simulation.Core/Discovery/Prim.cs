using MathNet.Numerics;

namespace Simulation.Core.Discovery;

/// <summary>
/// The Patient Rule Induction Method (Friedman and Fisher 1999) for scenario discovery, as the EMA Workbench runs it:
/// peel one face at a time at the alpha-quantile of the box's points, choosing the peel with the largest gain in the
/// share of hits per point removed (on equal gains, the one restricting fewer inputs), until no peel raises the share
/// or the next box would hold less than the minimum mass; then paste faces back out while that raises the share of
/// hits. tests/Simulation.Core.Tests/Discovery/PrimReferenceTests.cs checks every step against an independent
/// implementation. Every box along the way is kept, so that a reader can trade coverage for
/// density.
/// </summary>
public static class Prim
{
    /// <summary>The trajectory of boxes PRIM finds in <paramref name="data"/>, with the one of best balance chosen.</summary>
    public static PrimTrajectory Run(PrimData data, PrimOptions? options = null)
    {
        options ??= new PrimOptions();
        if (data.Count == 0)
        {
            throw new ArgumentException("PRIM needs at least one point");
        }
        var initial = data.Bounds();
        var rows = AllRows(data.Count);
        var all = rows;
        var box = initial;
        var steps = new List<PrimStep> { Step(data, 0, "start", box, rows, initial) };
        var peeling = new PeelState(data);
        // As the EMA Workbench: peeling stops once no peel raises the share of hits (a box of density 1 has nowhere to go).
        while (BestPeel(data, box, rows, peeling, options.PeelAlpha, initial) is { } peel
            && peel.Score > 0 && (double)peel.Rows.Length / data.Count >= options.MassMin && peel.Rows.Length < rows.Length)
        {
            (box, rows) = (peel.Box, peel.Rows);
            peeling.KeepOnly(rows);
            steps.Add(Step(data, steps.Count, "peel", box, rows, initial));
        }
        while (BestPaste(data, box, rows, all, initial, options.PasteAlpha) is { } paste
            && (double)paste.Rows.Length / data.Count >= options.MassMin && paste.Rows.Length > rows.Length && paste.Score > 0
            && Mean(data, paste.Rows) > Mean(data, rows))
        {
            (box, rows) = (paste.Box, paste.Rows);
            steps.Add(Step(data, steps.Count, "paste", box, rows, initial));
        }
        return new PrimTrajectory(initial, steps, Balanced(steps));
    }

    /// <summary>
    /// The tie-aware quantile of the EMA Workbench: the midpoint of the two order statistics around rank (n - 1) q,
    /// moved outwards past ties so that the cut falls between two different values (data 0..9: q 0.9 gives 8.5, q 0.1
    /// gives 0.5). Above the median the lower neighbour moves down, below it the upper neighbour moves up.
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0)
        {
            throw new ArgumentException("no values");
        }
        double rank = (sorted.Length - 1) * q;
        int lower = (int)Math.Floor(rank);
        int upper = (int)Math.Ceiling(rank);
        if (q > 0.5)
        {
            while (sorted[lower] == sorted[upper] && lower > 0)
            {
                lower--;
            }
        }
        else
        {
            while (sorted[lower] == sorted[upper] && upper < sorted.Length - 1)
            {
                upper++;
            }
        }
        return (sorted[lower] + sorted[upper]) / 2;
    }

    /// <summary>P(X &gt;= <paramref name="hits"/>) for X ~ Binomial(<paramref name="trials"/>, <paramref name="p"/>): one-sided, exact.</summary>
    public static double BinomialUpperTail(int hits, int trials, double p)
    {
        if (hits <= 0)
        {
            return 1;
        }
        if (hits > trials || p <= 0)
        {
            return 0;
        }
        return p >= 1 ? 1 : SpecialFunctions.BetaRegularized(hits, trials - hits + 1, p);
    }

    /// <summary>The quasi-p-value of each restricted input of step <paramref name="step"/>'s box.</summary>
    public static IReadOnlyList<QuasiPValue> QuasiPValues(PrimData data, PrimTrajectory trajectory, int step)
    {
        var chosen = trajectory.Steps[step];
        var all = AllRows(data.Count);
        var values = new List<QuasiPValue>();
        for (int d = 0; d < data.Dimensions; d++)
        {
            if (!chosen.Box.Restricts(d, trajectory.Initial))
            {
                continue;
            }
            var without = chosen.Box.Copy();
            without.Lower[d] = trajectory.Initial.Lower[d];
            without.Upper[d] = trajectory.Initial.Upper[d];
            var rows = data.Inside(without, all);
            double rate = (double)data.HitsAmong(rows) / rows.Length;
            values.Add(new QuasiPValue(d, data.Names[d], chosen.Box.Lower[d], chosen.Box.Upper[d], rate, BinomialUpperTail(chosen.Hits, chosen.Points, rate)));
        }
        return values;
    }

    private static PrimStep Step(PrimData data, int index, string phase, PrimBox box, int[] rows, PrimBox initial)
    {
        int hits = data.HitsAmong(rows);
        return new PrimStep(index, phase, box, rows.Length, hits,
            data.HitCount == 0 ? 0 : (double)hits / data.HitCount,
            rows.Length == 0 ? 0 : (double)hits / rows.Length,
            (double)rows.Length / data.Count, box.RestrictedCount(initial));
    }

    // The box balancing coverage and density best: the largest harmonic mean 2cd / (c + d), the earliest on ties.
    private static int Balanced(List<PrimStep> steps)
    {
        int best = 0;
        double bestScore = -1;
        foreach (var step in steps)
        {
            double score = step.Coverage + step.Density > 0 ? 2 * step.Coverage * step.Density / (step.Coverage + step.Density) : 0;
            if (score > bestScore)
            {
                (best, bestScore) = (step.Index, score);
            }
        }
        return best;
    }

    private sealed record Move(double Score, PrimBox Box, int[] Rows);

    /// <summary>
    /// The box's points in the order of each input's values, kept from one peel to the next: a peel keeps a subset,
    /// and filtering an ordered list keeps it ordered, so each step costs a pass over the points instead of a sort per
    /// input (at 100,000 points, PRIM's time falls about sevenfold; the boxes are the same).
    /// </summary>
    private sealed class PeelState
    {
        private readonly int[][] _orders;
        private readonly bool[] _inBox;

        public PeelState(PrimData data)
        {
            int n = data.Count;
            _orders = new int[data.Dimensions][];
            _inBox = new bool[n];
            Array.Fill(_inBox, true);
            var keys = new double[n];
            for (int d = 0; d < data.Dimensions; d++)
            {
                var order = AllRows(n);
                Array.Copy(data.Columns[d], keys, n);
                Array.Sort(keys, order);
                _orders[d] = order;
            }
            Count = n;
            Sorted = new double[n];
        }

        /// <summary>Points in the box.</summary>
        public int Count { get; private set; }

        /// <summary>Scratch for one input's values in the box, in order.</summary>
        public double[] Sorted { get; }

        /// <summary>The box's points ordered by input <paramref name="d"/> (the first <see cref="Count"/>).</summary>
        public int[] Order(int d) => _orders[d];

        /// <summary>Narrows every ordering to <paramref name="rows"/>.</summary>
        public void KeepOnly(int[] rows)
        {
            Array.Clear(_inBox);
            foreach (int row in rows)
            {
                _inBox[row] = true;
            }
            foreach (var order in _orders)
            {
                int kept = 0;
                for (int i = 0; i < Count; i++)
                {
                    if (_inBox[order[i]])
                    {
                        order[kept++] = order[i];
                    }
                }
            }
            Count = rows.Length;
        }
    }

    // Each input's upper face, then its lower face, in input order; of equal scores the one restricting fewer inputs,
    // then the first (the EMA Workbench sorts stably on the objective and the number of unrestricted inputs).
    // Candidates are scored by counting; only the best one's points are collected.
    private static Move? BestPeel(PrimData data, PrimBox box, int[] rows, PeelState state, double alpha, PrimBox initial)
    {
        int n = rows.Length;
        double meanBefore = Mean(data, rows);
        double bestScore = double.NaN;
        int bestDimension = -1;
        int bestRestricted = int.MaxValue;
        int restrictedBefore = box.RestrictedCount(initial);
        bool bestUpper = false;
        double bestCut = 0;
        var sorted = state.Sorted.AsSpan(0, n);
        for (int d = 0; d < data.Dimensions; d++)
        {
            var column = data.Columns[d];
            var order = state.Order(d);
            for (int i = 0; i < n; i++)
            {
                sorted[i] = column[order[i]];
            }
            for (int face = 0; face < 2; face++)
            {
                bool upper = face == 0;
                double cut = Quantile(sorted, upper ? 1 - alpha : alpha);
                int kept = 0, hits = 0;
                for (int i = 0; i < n; i++)
                {
                    int row = order[i];
                    if (upper ? column[row] <= cut : column[row] >= cut)
                    {
                        kept++;
                        hits += data.Hits[row] ? 1 : 0;
                    }
                }
                double score = Objective(meanBefore, n, kept == 0 ? 0 : (double)hits / kept, kept);
                bool restrictedNow = box.Restricts(d, initial);
                bool restrictedAfter = restrictedNow || (upper ? cut < initial.Upper[d] : cut > initial.Lower[d]);
                int restricted = restrictedBefore - (restrictedNow ? 1 : 0) + (restrictedAfter ? 1 : 0);
                if (bestDimension < 0 || score > bestScore || (score == bestScore && restricted < bestRestricted))
                {
                    (bestScore, bestDimension, bestUpper, bestCut, bestRestricted) = (score, d, upper, cut, restricted);
                }
            }
        }
        if (bestDimension < 0)
        {
            return null;
        }
        var best = data.Columns[bestDimension];
        var keptRows = new List<int>(n);
        foreach (int row in rows)
        {
            if (bestUpper ? best[row] <= bestCut : best[row] >= bestCut)
            {
                keptRows.Add(row);
            }
        }
        var candidate = box.Copy();
        if (bestUpper)
        {
            candidate.Upper[bestDimension] = bestCut;
        }
        else
        {
            candidate.Lower[bestDimension] = bestCut;
        }
        return new Move(bestScore, candidate, [.. keptRows]);
    }

    // Each restricted input's lower face, then its upper face: the face moves out to the paste-alpha quantile of the points just beyond it.
    private static Move? BestPaste(PrimData data, PrimBox box, int[] rows, int[] all, PrimBox initial, double alpha)
    {
        Move? best = null;
        for (int d = 0; d < data.Dimensions; d++)
        {
            if (!box.Restricts(d, initial))
            {
                continue;
            }
            for (int face = 0; face < 2; face++)
            {
                bool upper = face == 1;
                var beyond = box.Copy();
                if (upper)
                {
                    (beyond.Lower[d], beyond.Upper[d]) = (box.Upper[d], initial.Upper[d]);
                }
                else
                {
                    (beyond.Lower[d], beyond.Upper[d]) = (initial.Lower[d], box.Lower[d]);
                }
                var outside = data.Inside(beyond, all);
                double value = upper ? initial.Upper[d] : initial.Lower[d];
                if (outside.Length > 0)
                {
                    var sorted = new double[outside.Length];
                    for (int i = 0; i < sorted.Length; i++)
                    {
                        sorted[i] = data.Columns[d][outside[i]];
                    }
                    Array.Sort(sorted);
                    value = Quantile(sorted, upper ? alpha : 1 - alpha);
                }
                var candidate = box.Copy();
                if (upper)
                {
                    candidate.Upper[d] = value;
                }
                else
                {
                    candidate.Lower[d] = value;
                }
                var inside = data.Inside(candidate, all);
                double score = Objective(data, rows, inside);
                if (best is null || score > best.Score || (score == best.Score && candidate.RestrictedCount(initial) < best.Box.RestrictedCount(initial)))
                {
                    best = new Move(score, candidate, inside);
                }
            }
        }
        return best;
    }

    // The gain in the share of hits per point added or removed (the EMA Workbench's default objective).
    private static double Objective(PrimData data, int[] before, int[] after) =>
        Objective(Mean(data, before), before.Length, after.Length > 0 ? Mean(data, after) : 0, after.Length);

    private static double Objective(double meanBefore, int countBefore, double meanAfter, int countAfter)
    {
        if (meanBefore == meanAfter || countBefore == countAfter)
        {
            return 0;
        }
        return (meanAfter - meanBefore) / Math.Abs(countBefore - countAfter);
    }

    private static double Mean(PrimData data, int[] rows) => rows.Length == 0 ? 0 : (double)data.HitsAmong(rows) / rows.Length;

    internal static int[] AllRows(int count)
    {
        var rows = new int[count];
        for (int i = 0; i < count; i++)
        {
            rows[i] = i;
        }
        return rows;
    }
}
