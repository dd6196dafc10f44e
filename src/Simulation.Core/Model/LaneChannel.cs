using System.Runtime.Intrinsics;
using Simulation.Core.Random;

namespace Simulation.Core.Model;

/// <summary>
/// One channel of four runs side by side (<see cref="LaneModel"/> with several live channels), one lane per run: its
/// stock and this month's flows, its parameters in force (as the scalar model's <see cref="ChannelState"/> has them) and
/// its runs' streams.
/// </summary>
internal struct LaneChannel
{
    public Vector256<double> Stock, Intended, Arrivals, Returns;

    /// <summary>Share of intended dispatch (normalised), open, monthly exit probability, substitution, visibility, expel probability, 1 - fee.</summary>
    public Vector256<double> Share, Open, ReturnProbability, Substitution, Visibility, ExpelProbability, KeptAfterFee;

    public Xoshiro256Lanes ArrivalsRng, ReturnsRng, ExpulsionRng;
}
