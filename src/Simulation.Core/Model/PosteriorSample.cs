using Simulation.Core.Sampling;

namespace Simulation.Core.Model;

/// <summary>
/// Joint samples of some of a scenario's uncertain inputs with weights (a calibration's posterior, docs/calibration.md):
/// each run draws one particle by weight and takes its values for these inputs, so their correlations are kept.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed class PosteriorSample
{
    /// <summary>
    /// <paramref name="values"/> particle-major (particle i's input j at i * keyPaths.Count + j); weights finite,
    /// non-negative, not all zero. <paramref name="source"/> names where it came from in messages and reports.
    /// </summary>
    public PosteriorSample(IReadOnlyList<string> keyPaths, double[] values, double[] weights, string source)
    {
        if (keyPaths.Count == 0 || weights.Length == 0 || values.Length != keyPaths.Count * weights.Length)
        {
            throw new ArgumentException($"a posterior needs inputs and particles: {keyPaths.Count} inputs, {weights.Length} weights, {values.Length} values");
        }
        KeyPaths = keyPaths;
        Values = values;
        Weights = weights;
        Source = source;
        Alias = new AliasTable(weights);
    }

    /// <summary>The inputs it sets, by key path.</summary>
    public IReadOnlyList<string> KeyPaths { get; }

    /// <summary>Particle-major values.</summary>
    public double[] Values { get; }

    /// <summary>Weights as given (not necessarily normalised).</summary>
    public double[] Weights { get; }

    /// <summary>Where it came from (a file path), for messages and reports.</summary>
    public string Source { get; }

    /// <summary>Number of particles.</summary>
    public int Count => Weights.Length;

    /// <summary>Draws a particle by weight in constant time.</summary>
    public AliasTable Alias { get; }

    /// <summary>Input <paramref name="column"/> of particle <paramref name="particle"/>.</summary>
    public double Value(int particle, int column) => Values[particle * KeyPaths.Count + column];

    /// <summary>The same particles without the input at <paramref name="keyPath"/> (set another way), or null if none is left.</summary>
    public PosteriorSample? Without(string keyPath)
    {
        int drop = -1;
        for (int j = 0; j < KeyPaths.Count; j++)
        {
            if (KeyPaths[j] == keyPath)
            {
                drop = j;
            }
        }
        if (drop < 0)
        {
            return this;
        }
        if (KeyPaths.Count == 1)
        {
            return null;
        }
        int columns = KeyPaths.Count;
        var keys = new List<string>(KeyPaths);
        keys.RemoveAt(drop);
        var values = new double[Count * (columns - 1)];
        for (int i = 0, k = 0; i < Count; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                if (j != drop)
                {
                    values[k++] = Values[i * columns + j];
                }
            }
        }
        return new PosteriorSample(keys, values, Weights, Source);
    }
}
