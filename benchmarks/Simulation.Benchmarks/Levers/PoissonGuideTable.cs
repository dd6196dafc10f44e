using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Benchmarks.Levers;

/// <summary>
/// Issue 14's first lever, kept to measure it: inversion of a Poisson CDF through a guide table (Chen and Asau,
/// 1974), built once for a mean that repeats. The table covers the mean +- 9 standard deviations (the mass outside
/// is below 1e-18, under the resolution of a 53-bit uniform); a uniform beyond the last entry falls back to PD.
/// </summary>
/// <remarks>Not used by the model: benchmarks/README.md shows that its build costs more than it saves per run.</remarks>
public sealed class PoissonGuideTable
{
    private readonly double[] _cdf = new double[8192];
    private readonly int[] _guide = new int[8192];
    private int _entries;
    private long _first;
    private double _mean;

    /// <summary>Builds the table for <paramref name="mean"/> (10 to about 500,000).</summary>
    public void Build(double mean)
    {
        _mean = mean;
        double sd = Math.Sqrt(mean);
        long mode = (long)Math.Floor(mean);
        _first = Math.Max(0, (long)Math.Floor(mean - 9 * sd));
        long last = (long)Math.Ceiling(mean + 9 * sd);
        _entries = (int)(last - _first + 1);
        // Probabilities from the mode outwards (the mode's from ln k!, the rest by the ratio mean / k), then summed.
        double[] cdf = _cdf;
        int at = (int)(mode - _first);
        double modeProbability = Math.Exp(-mean + mode * Math.Log(mean) - LogFactorial.Of(mode));
        cdf[at] = modeProbability;
        double probability = modeProbability;
        for (int i = at - 1; i >= 0; i--)
        {
            probability *= (_first + i + 1) / mean;
            cdf[i] = probability;
        }
        probability = modeProbability;
        for (int i = at + 1; i < _entries; i++)
        {
            probability *= mean / (_first + i);
            cdf[i] = probability;
        }
        double sum = 0;
        for (int i = 0; i < _entries; i++)
        {
            sum += cdf[i];
            cdf[i] = sum;
        }
        int k = 0;
        for (int j = 0; j < _entries; j++)
        {
            double threshold = (double)j / _entries;
            while (cdf[k] <= threshold && k < _entries - 1)
            {
                k++;
            }
            _guide[j] = k;
        }
    }

    /// <summary>One variate of the mean the table was built for.</summary>
    public long Sample(ref Xoshiro256StarStar rng)
    {
        double u = rng.NextDouble();
        if (u >= _cdf[_entries - 1])
        {
            return Poisson.Sample(ref rng, _mean);
        }
        int k = _guide[(int)(u * _entries)];
        while (u >= _cdf[k])
        {
            k++;
        }
        return _first + k;
    }
}
