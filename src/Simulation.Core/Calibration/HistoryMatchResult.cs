using Simulation.Core.Distributions;

namespace Simulation.Core.Calibration;

/// <summary>What history matching rules out: the last wave's candidates not ruled out (NROY), and each wave's record.</summary>
public sealed class HistoryMatchResult
{
    internal HistoryMatchResult(int dimensions, double[] kept, double[] implausibility, int[] worstObservation, IReadOnlyList<HistoryMatchWave> waves, string stopReason, long simulations, TimeSpan elapsed)
    {
        Dimensions = dimensions;
        Kept = kept;
        Implausibility = implausibility;
        WorstObservation = worstObservation;
        Waves = waves;
        StopReason = stopReason;
        Simulations = simulations;
        Elapsed = elapsed;
    }

    /// <summary>Parameters per candidate.</summary>
    public int Dimensions { get; }

    /// <summary>The last wave's candidates not ruled out, candidate-major (Count x Dimensions).</summary>
    public double[] Kept { get; }

    /// <summary>Each kept candidate's largest implausibility.</summary>
    public double[] Implausibility { get; }

    /// <summary>Each kept candidate's observation of largest implausibility (its index).</summary>
    public int[] WorstObservation { get; }

    /// <summary>Candidates not ruled out by the last wave.</summary>
    public int Count => Implausibility.Length;

    /// <summary>Every wave, in order.</summary>
    public IReadOnlyList<HistoryMatchWave> Waves { get; }

    /// <summary>Why the waves stopped.</summary>
    public string StopReason { get; }

    /// <summary>Model runs, replicates included.</summary>
    public long Simulations { get; }

    /// <summary>Wall time.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// Per input, the lowest prior quantile of the region a further wave would sample: the kept candidates' range
    /// widened by a tenth of its width and half a stratum (the whole prior's 0 when nothing was ruled out in it).
    /// </summary>
    public required double[] RegionLow { get; init; }

    /// <summary>Per input, the highest prior quantile of that region.</summary>
    public required double[] RegionHigh { get; init; }

    /// <summary>
    /// <paramref name="prior"/> restricted to the region not ruled out: each input between its
    /// <see cref="RegionLow"/> and <see cref="RegionHigh"/> quantiles (an input nothing ruled out keeps its prior).
    /// </summary>
    public IReadOnlyList<InputDistribution> Restrict(IReadOnlyList<InputDistribution> prior)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException($"history matching ruled out every candidate, so there is no region to start from: {StopReason}");
        }
        var restricted = new InputDistribution[prior.Count];
        for (int j = 0; j < restricted.Length; j++)
        {
            restricted[j] = RegionLow[j] <= 0 && RegionHigh[j] >= 1 ? prior[j] : new RestrictedDistribution(prior[j], RegionLow[j], RegionHigh[j]);
        }
        return restricted;
    }

    /// <summary>Parameter <paramref name="j"/> of every kept candidate.</summary>
    public double[] Column(int j)
    {
        var column = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            column[i] = Kept[i * Dimensions + j];
        }
        return column;
    }
}
