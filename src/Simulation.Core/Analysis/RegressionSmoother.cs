using MathNet.Numerics.LinearAlgebra.Double;

namespace Simulation.Core.Analysis;

/// <summary>
/// E[y | x] by least squares on a regression spline, the nonparametric regression that value-of-information
/// estimates rest on (Strong, Oakley and Brennan 2014 use a generalised additive model; a fixed-knot spline is its
/// unpenalised form). One predictor: a restricted (natural) cubic spline with knots at quantiles (Harrell, Regression
/// Modeling Strategies, 2nd ed., section 2.4.5: linear beyond the outer knots, so the ends do not swing). Two
/// predictors: the tensor product of two such bases, which fits interactions. A predictor taking few distinct values
/// (a 0/1 draw) gets one indicator per value instead: the fit is then the group means, exactly.
/// </summary>
public static class RegressionSmoother
{
    /// <summary>Knots of one predictor alone.</summary>
    public const int KnotsAlone = 10;

    /// <summary>Knots of each predictor of a pair (the tensor product has this many squared columns).</summary>
    public const int KnotsInPair = 6;

    /// <summary>
    /// The fitted values E[y | x] at every point (x holds one or two predictor columns of the same length as y), and the
    /// number of coefficients fitted.
    /// </summary>
    public static (double[] Fitted, int Parameters) Fit(IReadOnlyList<double[]> xs, double[] y)
    {
        if (xs.Count is < 1 or > 2)
        {
            throw new ArgumentException("the smoother takes one or two predictors");
        }
        int n = y.Length;
        var bases = xs.Select(x => Basis.For(x, xs.Count == 1 ? KnotsAlone : KnotsInPair)).ToArray();
        int p = bases.Aggregate(1, (product, b) => product * b.Columns);
        var xtx = new double[p, p];
        var xty = new double[p];
        var row = new double[p];
        var first = new double[bases[0].Columns];
        var second = bases.Length > 1 ? new double[bases[1].Columns] : [];
        for (int i = 0; i < n; i++)
        {
            Row(bases, xs, i, first, second, row);
            for (int a = 0; a < p; a++)
            {
                double ra = row[a];
                if (ra == 0)
                {
                    continue;
                }
                xty[a] += ra * y[i];
                for (int b = 0; b <= a; b++)
                {
                    xtx[a, b] += ra * row[b];
                }
            }
        }
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < a; b++)
            {
                xtx[b, a] = xtx[a, b];
            }
        }
        var beta = Solve(xtx, xty);
        var fitted = new double[n];
        for (int i = 0; i < n; i++)
        {
            Row(bases, xs, i, first, second, row);
            double sum = 0;
            for (int a = 0; a < p; a++)
            {
                sum += row[a] * beta[a];
            }
            fitted[i] = sum;
        }
        return (fitted, p);
    }

    private static void Row(Basis[] bases, IReadOnlyList<double[]> xs, int i, double[] first, double[] second, double[] row)
    {
        bases[0].Evaluate(xs[0][i], first);
        if (bases.Length == 1)
        {
            Array.Copy(first, row, first.Length);
            return;
        }
        bases[1].Evaluate(xs[1][i], second);
        int k = 0;
        foreach (double a in first)
        {
            foreach (double b in second)
            {
                row[k++] = a * b;
            }
        }
    }

    // Least squares through the normal equations; a ridge of 1e-10 of the mean diagonal keeps a collinear basis (a
    // predictor with few values in some range) solvable without moving a well-posed fit.
    private static double[] Solve(double[,] xtx, double[] xty)
    {
        int p = xty.Length;
        double trace = 0;
        for (int a = 0; a < p; a++)
        {
            trace += xtx[a, a];
        }
        var matrix = DenseMatrix.OfArray(xtx);
        for (int a = 0; a < p; a++)
        {
            matrix[a, a] += 1e-10 * trace / p + 1e-300;
        }
        return [.. matrix.Cholesky().Solve(DenseVector.OfArray(xty))];
    }

    /// <summary>One predictor's basis: a constant, then the spline terms or indicators.</summary>
    private sealed class Basis
    {
        private readonly double[] _knots;
        private readonly double[] _levels;
        private readonly double _centre, _scale;

        private Basis(double[] knots, double[] levels, double centre, double scale)
        {
            _knots = knots;
            _levels = levels;
            _centre = centre;
            _scale = scale;
        }

        /// <summary>Columns, the constant included.</summary>
        public int Columns => _levels.Length > 0 ? _levels.Length : _knots.Length;

        public static Basis For(double[] x, int knots)
        {
            var distinct = new SortedSet<double>();
            foreach (double v in x)
            {
                if (distinct.Add(v) && distinct.Count > knots)
                {
                    break;
                }
            }
            if (distinct.Count <= knots)
            {
                return new Basis([], [.. distinct], 0, 1);
            }
            double mean = 0, square = 0;
            foreach (double v in x)
            {
                mean += v;
            }
            mean /= x.Length;
            foreach (double v in x)
            {
                square += (v - mean) * (v - mean);
            }
            double scale = Math.Sqrt(square / x.Length);
            scale = scale > 0 ? scale : 1;
            var sorted = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                sorted[i] = (x[i] - mean) / scale;
            }
            Array.Sort(sorted);
            // Harrell's knot placement: from the 2.5% to the 97.5% quantile (5% and 95% for few knots), equally spaced in probability.
            double low = knots <= 5 ? 0.05 : 0.025, high = 1 - low;
            var at = new double[knots];
            for (int j = 0; j < knots; j++)
            {
                double q = low + (high - low) * j / (knots - 1);
                at[j] = sorted[(int)Math.Round(q * (sorted.Length - 1))];
            }
            // Ties in a lumpy input can merge knots; keep the distinct ones (at least three make a spline).
            var unique = at.Distinct().ToArray();
            if (unique.Length < 3)
            {
                // Too lumpy for a spline: a straight line (two columns, marked by knots that are not numbers).
                return new Basis([double.NaN, double.NaN], [], mean, scale);
            }
            return new Basis(unique, [], mean, scale);
        }

        /// <summary>Writes the basis at <paramref name="value"/> into <paramref name="into"/> (length <see cref="Columns"/>).</summary>
        public void Evaluate(double value, double[] into)
        {
            if (_levels.Length > 0)
            {
                for (int j = 0; j < _levels.Length; j++)
                {
                    into[j] = value == _levels[j] ? 1 : 0;
                }
                return;
            }
            double x = (value - _centre) / _scale;
            into[0] = 1;
            into[1] = x;
            int k = _knots.Length;
            if (double.IsNaN(_knots[0]))
            {
                return;
            }
            double last = _knots[k - 1], before = _knots[k - 2], span = last - before;
            double norm = (last - _knots[0]) * (last - _knots[0]);
            for (int j = 0; j < k - 2; j++)
            {
                double t = _knots[j];
                into[j + 2] = (Cube(x - t) - Cube(x - before) * (last - t) / span + Cube(x - last) * (before - t) / span) / norm;
            }
        }

        private static double Cube(double v) => v > 0 ? v * v * v : 0;
    }
}
