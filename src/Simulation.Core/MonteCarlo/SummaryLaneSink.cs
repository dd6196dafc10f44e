using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simulation.Core.Model;

namespace Simulation.Core.MonteCarlo;

/// <summary>Feeds four runs' months, simulated side by side, into a worker's summaries.</summary>
internal readonly struct SummaryLaneSink(SummaryAccumulator accumulator) : ILaneSink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Months(int month, ReadOnlySpan<Vector256<double>> values) => accumulator.AddMonthLanes(month, values);
}
