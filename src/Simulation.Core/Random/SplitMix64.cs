namespace Simulation.Core.Random;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014),
/// used only to expand a 64-bit key into well-mixed generator state, as Blackman and Vigna recommend
/// for seeding xoshiro generators.
/// </summary>
/// <remarks>A mutable value type; not thread safe, copy it per thread.</remarks>
public struct SplitMix64
{
    private ulong _state;

    /// <summary>Starts the sequence at <paramref name="state"/>.</summary>
    public SplitMix64(ulong state) => _state = state;

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>The SplitMix64 output function: a bijective avalanche mix of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
