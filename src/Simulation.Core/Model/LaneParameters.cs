using System.Runtime.Intrinsics;

namespace Simulation.Core.Model;

/// <summary>The parameters in force for four runs side by side (<see cref="LaneModel"/>), one lane per run, as the scalar model's Reload sets them.</summary>
internal struct LaneParameters
{
    public Vector256<double> Wartime, Peak, Ramp, DispatchLimit, Pool, DepartureCapacity, Wage, FxDrift, FxVolatility, StateShare, BaseHazard,
        HazardPerWorker, Deterrence, KeptAfterCost, Share, Open, ReturnProbability, ExpelProbability, Visibility, KeptAfterFee;

    /// <summary>Whether a closed channel passes its blocked share to the live one; its substitution, share and 1 - open.</summary>
    public bool Fed;
    public Vector256<double> FeedingSubstitution, FeedingShare, FeedingClosed;

    /// <summary>
    /// Each lane's parameters from its values in force (<paramref name="current"/>: lane l's slots at l x
    /// <paramref name="slots"/>), for channel <paramref name="live"/> (<see cref="LaneModel.LiveChannel"/>); with several
    /// live channels (<paramref name="cells"/> not empty) each channel's own go into its cell instead.
    /// </summary>
    public static LaneParameters Load(CompiledScenario scenario, ReadOnlySpan<double> current, int slots, int live, Span<LaneChannel> cells)
    {
        const int lanes = LaneModel.Lanes;
        const int count = 23;
        int feeding = cells.IsEmpty ? LaneModel.FeedingChannel(scenario, live) : -1;
        Span<double> fields = stackalloc double[count * lanes];
        Span<ChannelState> states = stackalloc ChannelState[scenario.CellCount];
        for (int lane = 0; lane < lanes; lane++)
        {
            var p = default(MonthParameters);
            LaborMigrationModel.Reload(scenario, current.Slice(lane * slots, slots), ref p, states);
            // With several live channels (live -1) the one-channel fields below are not read.
            ref var channel = ref states[Math.Max(0, live)];
            ref var feeder = ref states[Math.Max(0, feeding)];
            ReadOnlySpan<double> values =
            [
                p.WartimeDemand, p.PeakDemand, p.RampMonths, p.DispatchLimit, p.Pool, p.DepartureCapacity, p.Wage, p.FxDrift, p.FxVolatility, p.StateShare,
                p.BaseHazard, p.HazardPerWorker, p.Deterrence, 1 - p.ChannelCost, channel.Share, channel.Open, channel.ReturnProbability,
                channel.ExpelProbability, channel.Visibility, channel.KeptAfterFee, feeder.Substitution, feeder.Share, 1 - feeder.Open,
            ];
            for (int field = 0; field < values.Length; field++)
            {
                fields[field * lanes + lane] = values[field];
            }
            for (int c = 0; c < cells.Length; c++)
            {
                // A reload happens at the start and at the timeline's months only: element by element is fast enough.
                ref var cell = ref cells[c];
                ref var state = ref states[c];
                cell.Share = cell.Share.WithElement(lane, state.Share);
                cell.Open = cell.Open.WithElement(lane, state.Open);
                cell.ReturnProbability = cell.ReturnProbability.WithElement(lane, state.ReturnProbability);
                cell.Substitution = cell.Substitution.WithElement(lane, state.Substitution);
                cell.Visibility = cell.Visibility.WithElement(lane, state.Visibility);
                cell.ExpelProbability = cell.ExpelProbability.WithElement(lane, state.ExpelProbability);
                cell.KeptAfterFee = cell.KeptAfterFee.WithElement(lane, state.KeptAfterFee);
            }
        }
        Vector256<double> Field(ReadOnlySpan<double> all, int field) => Vector256.Create(all.Slice(field * lanes, lanes));
        return new LaneParameters
        {
            Wartime = Field(fields, 0),
            Peak = Field(fields, 1),
            Ramp = Field(fields, 2),
            DispatchLimit = Field(fields, 3),
            Pool = Field(fields, 4),
            DepartureCapacity = Field(fields, 5),
            Wage = Field(fields, 6),
            FxDrift = Field(fields, 7),
            FxVolatility = Field(fields, 8),
            StateShare = Field(fields, 9),
            BaseHazard = Field(fields, 10),
            HazardPerWorker = Field(fields, 11),
            Deterrence = Field(fields, 12),
            KeptAfterCost = Field(fields, 13),
            Share = Field(fields, 14),
            Open = Field(fields, 15),
            ReturnProbability = Field(fields, 16),
            ExpelProbability = Field(fields, 17),
            Visibility = Field(fields, 18),
            KeptAfterFee = Field(fields, 19),
            Fed = feeding >= 0,
            FeedingSubstitution = Field(fields, 20),
            FeedingShare = Field(fields, 21),
            FeedingClosed = Field(fields, 22),
        };
    }
}
