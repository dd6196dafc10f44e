namespace Simulation.Core.Calibration;

/// <summary>
/// The posterior as weighted particles (the last complete generation), with the history of generations and why the
/// search stopped.
/// </summary>
public sealed class AbcResult
{
    internal AbcResult(int dimensions, double[] particles, double[] weights, double[] distances, IReadOnlyList<AbcGeneration> generations,
        string stopReason, long simulations, TimeSpan elapsed)
    {
        Dimensions = dimensions;
        Particles = particles;
        Weights = weights;
        Distances = distances;
        Generations = generations;
        StopReason = stopReason;
        Simulations = simulations;
        Elapsed = elapsed;
    }

    /// <summary>Parameters per particle.</summary>
    public int Dimensions { get; }

    /// <summary>Number of particles.</summary>
    public int Count => Weights.Length;

    /// <summary>Particle-major: particle i's parameter j is at i * Dimensions + j.</summary>
    public double[] Particles { get; }

    /// <summary>Normalised weights (sum 1).</summary>
    public double[] Weights { get; }

    /// <summary>Each particle's distance to the data.</summary>
    public double[] Distances { get; }

    /// <summary>Every generation, the last being the posterior's.</summary>
    public IReadOnlyList<AbcGeneration> Generations { get; }

    /// <summary>Why the search stopped, in words.</summary>
    public string StopReason { get; }

    /// <summary>Model simulations run, wasted ones included.</summary>
    public long Simulations { get; }

    /// <summary>Wall time.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Parameter <paramref name="dimension"/> of particle <paramref name="particle"/>.</summary>
    public double Value(int particle, int dimension) => Particles[particle * Dimensions + dimension];

    /// <summary>Kish's effective sample size of the weights.</summary>
    public double EffectiveSampleSize => WeightedStatistics.EffectiveSampleSize(Weights);

    /// <summary>One parameter over the particles.</summary>
    public double[] Column(int dimension)
    {
        var column = new double[Count];
        for (int i = 0; i < column.Length; i++)
        {
            column[i] = Value(i, dimension);
        }
        return column;
    }
}
