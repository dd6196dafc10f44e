using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simulation.Core.Random;

/// <summary>
/// Four xoshiro256** generators side by side, one per lane of a <see cref="Vector256{T}"/>: lane i gives exactly the
/// numbers of the <see cref="Xoshiro256StarStar"/> it was loaded from. Each draw advances only the lanes of its mask,
/// so lanes that consume their streams at different rates stay in step with their scalar twins.
/// </summary>
/// <remarks>
/// The multiplications by 5 and 9 are shifts and adds (AVX2 has no 64-bit multiply), and 53-bit integers become
/// doubles through the exponent trick, exactly as the scalar conversion rounds them (they need no rounding).
/// </remarks>
internal struct Xoshiro256Lanes
{
    public const int Count = 4;

    private Vector256<ulong> _s0, _s1, _s2, _s3;

    /// <summary>Loads lane <paramref name="lane"/> with <paramref name="rng"/>'s state.</summary>
    public void SetLane(int lane, in Xoshiro256StarStar rng)
    {
        var (s0, s1, s2, s3) = rng.State;
        _s0 = LaneVector.Replace(_s0, lane, s0);
        _s1 = LaneVector.Replace(_s1, lane, s1);
        _s2 = LaneVector.Replace(_s2, lane, s2);
        _s3 = LaneVector.Replace(_s3, lane, s3);
    }

    /// <summary>Lane <paramref name="lane"/> as a scalar generator, for a sampler's rare branch; put it back with <see cref="SetLane"/>.</summary>
    public readonly Xoshiro256StarStar Lane(int lane) =>
        Xoshiro256StarStar.FromState(_s0.GetElement(lane), _s1.GetElement(lane), _s2.GetElement(lane), _s3.GetElement(lane));

    /// <summary>The next 64 bits of every lane in <paramref name="active"/> (all ones where active); the others keep their state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<ulong> NextUInt64(Vector256<ulong> active)
    {
        var s0 = _s0;
        var s1 = _s1;
        var s2 = _s2;
        var s3 = _s3;
        var times5 = (s1 << 2) + s1;
        var rotated = (times5 << 7) | (times5 >> 57);
        var result = (rotated << 3) + rotated;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 45) | (s3 >> 19);
        _s0 = Vector256.ConditionalSelect(active, s0, _s0);
        _s1 = Vector256.ConditionalSelect(active, s1, _s1);
        _s2 = Vector256.ConditionalSelect(active, s2, _s2);
        _s3 = Vector256.ConditionalSelect(active, s3, _s3);
        return result;
    }

    /// <summary>As <see cref="Xoshiro256StarStar.NextDouble"/> in every active lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> NextDouble(Vector256<ulong> active) =>
        WholeToDouble(NextUInt64(active) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Integers below 2^53 as doubles, exactly: the high 21 and low 32 bits through the exponent trick, then added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> WholeToDouble(Vector256<ulong> whole)
    {
        const ulong twoTo52 = 0x4330000000000000UL;
        const ulong twoTo84 = 0x4530000000000000UL;
        var low = (whole & Vector256.Create(0xFFFFFFFFUL)) | Vector256.Create(twoTo52);
        var high = (whole >> 32) | Vector256.Create(twoTo84);
        var highValue = high.AsDouble() - Vector256.Create(19342813118337666422669312.0); // 2^84 + 2^52
        return highValue + low.AsDouble();
    }
}
