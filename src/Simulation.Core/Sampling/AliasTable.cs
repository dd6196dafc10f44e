using Simulation.Core.Random;

namespace Simulation.Core.Sampling;

/// <summary>
/// Draws index i with probability weight_i / sum(weights) in constant time, by Walker's alias method as built by
/// Vose (M. D. Vose, "A linear algorithm for generating random numbers with a given distribution", IEEE Trans.
/// Software Eng. 17 (1991) 972-975): one uniform picks a column and decides between the column and its alias.
/// </summary>
/// <remarks>Immutable once built; safe to share between threads.</remarks>
public sealed class AliasTable
{
    private readonly double[] _keep;
    private readonly int[] _alias;

    /// <summary>Builds the table; weights must be finite, non-negative and not all zero.</summary>
    public AliasTable(ReadOnlySpan<double> weights)
    {
        int n = weights.Length;
        if (n == 0)
        {
            throw new ArgumentException("an alias table needs at least one weight", nameof(weights));
        }
        double largest = 0;
        foreach (double w in weights)
        {
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException($"weights must be finite and non-negative, got {w}", nameof(weights));
            }
            largest = Math.Max(largest, w);
        }
        if (largest <= 0)
        {
            throw new ArgumentException("weights must not all be zero", nameof(weights));
        }
        // Weights near double.MaxValue overflow a plain sum (1e308 + 1e308) or the product weight * n; relative to
        // the largest they lie in [0, 1], so the sum is at most n and every product is finite.
        double total = 0;
        foreach (double w in weights)
        {
            total += w / largest;
        }
        _keep = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = n - 1; i >= 0; i--)
        {
            scaled[i] = weights[i] / largest * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            int less = small.Pop();
            int more = large.Pop();
            _keep[less] = scaled[less];
            _alias[less] = more;
            scaled[more] = scaled[more] + scaled[less] - 1;
            (scaled[more] < 1 ? small : large).Push(more);
        }
        // What is left is 1 up to rounding: such columns always keep themselves.
        while (large.Count > 0)
        {
            int i = large.Pop();
            _keep[i] = 1;
            _alias[i] = i;
        }
        while (small.Count > 0)
        {
            int i = small.Pop();
            _keep[i] = 1;
            _alias[i] = i;
        }
    }

    /// <summary>Number of outcomes.</summary>
    public int Count => _keep.Length;

    /// <summary>One index, from one uniform of <paramref name="rng"/>.</summary>
    public int Sample(ref Xoshiro256StarStar rng)
    {
        double u = rng.NextDouble() * _keep.Length;
        int column = Math.Min((int)u, _keep.Length - 1);
        return u - column < _keep[column] ? column : _alias[column];
    }

    /// <summary>The probability of index <paramref name="i"/> as the table draws it (for tests).</summary>
    public double Probability(int i)
    {
        double p = _keep[i];
        for (int column = 0; column < _keep.Length; column++)
        {
            if (_alias[column] == i && column != i)
            {
                p += 1 - _keep[column];
            }
        }
        return p / _keep.Length;
    }
}
