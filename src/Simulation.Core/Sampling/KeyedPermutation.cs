using Simulation.Core.Random;

namespace Simulation.Core.Sampling;

/// <summary>
/// A random permutation of 0 .. n - 1 held as a function of a key, not as an array: a four-round Feistel network on
/// the smallest even number of bits that holds n, walked again from its output while that falls at or beyond n
/// (cycle walking, Black and Rogaway 2002). Position i's image is a pure function of (key, n, i), so a Latin
/// hypercube's stratum for run i needs neither the other runs nor memory proportional to n.
/// </summary>
public readonly struct KeyedPermutation
{
    private readonly ulong _key;
    private readonly long _count;
    private readonly int _halfBits;
    private readonly ulong _halfMask;

    /// <summary>The permutation of 0 .. <paramref name="count"/> - 1 under <paramref name="key"/>.</summary>
    public KeyedPermutation(ulong key, long count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _key = key;
        _count = count;
        int bits = 1;
        while ((1L << bits) < count)
        {
            bits++;
        }
        _halfBits = (bits + 1) / 2;
        _halfMask = (1UL << _halfBits) - 1;
    }

    /// <summary>The image of <paramref name="index"/> (0 .. count - 1).</summary>
    public long this[long index]
    {
        get
        {
            ulong x = (ulong)index;
            // The domain is at most four times n, so on average fewer than four passes; each is a bijection of it.
            do
            {
                x = Encrypt(x);
            }
            while (x >= (ulong)_count);
            return (long)x;
        }
    }

    private ulong Encrypt(ulong x)
    {
        ulong left = x >> _halfBits;
        ulong right = x & _halfMask;
        for (int round = 0; round < 4; round++)
        {
            ulong mixed = SplitMix64.Mix(_key ^ (right * 0x9E3779B97F4A7C15UL) ^ ((ulong)round << 58)) & _halfMask;
            (left, right) = (right, left ^ mixed);
        }
        return (left << _halfBits) | right;
    }
}
