using System.Runtime.Intrinsics;

namespace Simulation.Core.Model;

/// <summary>Receives the months of four runs simulated side by side (<see cref="LaneModel"/>); implement it on a struct.</summary>
internal interface ILaneSink
{
    /// <summary>Month <paramref name="month"/> of every lane's run: <paramref name="values"/> holds each series (indexed by <c>(int)Series</c>), lane i for run first + i.</summary>
    void Months(int month, ReadOnlySpan<Vector256<double>> values);
}
