using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simulation.Core.Random;

/// <summary>Replaces one lane of a vector whose lane is known only at run time.</summary>
/// <remarks>
/// <c>WithElement</c> with a variable lane goes through memory: the vector is stored, one element overwritten, and
/// the whole vector loaded again, which the processor cannot forward from the narrower store (a stall of about a dozen
/// cycles, measured as 6% of a run of the version 1 form in <c>Xoshiro256Lanes.SetLane</c> alone). A broadcast and a
/// blend under the lane's mask stay in registers and give the same vector.
/// </remarks>
internal static class LaneVector
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Replace<T>(Vector256<T> vector, int lane, T value)
    {
        var mask = Vector256.Equals(Vector256.Create(0L, 1L, 2L, 3L), Vector256.Create((long)lane)).As<long, T>();
        return Vector256.ConditionalSelect(mask, Vector256.Create(value), vector);
    }
}
