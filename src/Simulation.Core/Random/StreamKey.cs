namespace Simulation.Core.Random;

/// <summary>
/// Derives the key of one random stream from (seed, run index, purpose). A run's numbers therefore depend
/// only on the scenario's seed and the run's index, never on threads, scheduling or shards; and each
/// purpose (arrivals, returns, each uncertain input, ...) has its own stream so that two scenarios run with
/// the same seed share their randomness wherever their assumptions agree (common random numbers).
/// </summary>
public static class StreamKey
{
    /// <summary>The key for stream <paramref name="purpose"/> of run <paramref name="run"/> under <paramref name="seed"/>.</summary>
    public static ulong For(long seed, long run, int purpose)
    {
        ulong key = SplitMix64.Mix(unchecked((ulong)seed) ^ 0x6A09E667F3BCC909UL);
        key = SplitMix64.Mix(key + unchecked((ulong)run) * 0x9E3779B97F4A7C15UL);
        return SplitMix64.Mix(key ^ (unchecked((ulong)purpose) * 0xD1B54A32D192ED03UL + 0xBB67AE8584CAA73BUL));
    }

    /// <summary>
    /// The key for stream <paramref name="purpose"/> of channel <paramref name="channel"/> (model version 2): channel 0 keeps
    /// the stream of <see cref="For(long, long, int)"/>, so a scenario with one channel draws exactly as version 1 did.
    /// </summary>
    public static ulong For(long seed, long run, int purpose, int channel) =>
        channel == 0 ? For(seed, run, purpose) : SplitMix64.Mix(For(seed, run, purpose) ^ (unchecked((ulong)channel) * 0x9E3779B97F4A7C15UL + 0x3C6EF372FE94F82BUL));

    /// <summary>A generator for stream <paramref name="purpose"/> of run <paramref name="run"/>.</summary>
    public static Xoshiro256StarStar Generator(long seed, long run, int purpose) => new(For(seed, run, purpose));

    /// <summary>A generator for stream <paramref name="purpose"/> of channel <paramref name="channel"/> of run <paramref name="run"/>.</summary>
    public static Xoshiro256StarStar Generator(long seed, long run, int purpose, int channel) => new(For(seed, run, purpose, channel));
}
