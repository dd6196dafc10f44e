namespace Simulation.Core.Calibration;

/// <summary>
/// Where an observation falls in the posterior predictive distribution of its model value: the predictive
/// percentiles, the share of predictive runs below the observed value, and whether the 90% band holds it (for a
/// bound: whether the band reaches the allowed side).
/// </summary>
public sealed record ObservationFit(Observation Observation, double P5, double P25, double P50, double P75, double P95, double ShareBelow, double ShareMeetingBound)
{
    /// <summary>Most of the runs that may fall on the wrong side of a bound for it to count as met.</summary>
    public const double BoundTolerance = 0.10;

    /// <summary>For a bound, the share of predictive runs on its wrong side (above an upper bound, below a lower one); NaN otherwise.</summary>
    public double ShareOnWrongSide => Observation.IsBound ? 1 - ShareMeetingBound : double.NaN;

    /// <summary>
    /// True when the observation is consistent with the 90% predictive band; a bound ("fewer than 10,000") is met only
    /// when fewer than <see cref="BoundTolerance"/> of the runs break it, as a band of 90% would leave out.
    /// </summary>
    public bool InsideBand90 => Observation.IsBound ? ShareMeetingBound > 1 - BoundTolerance : P5 <= Observation.Value && Observation.Value <= P95;

    /// <summary>
    /// True when the observation's own 90% error interval meets the 90% band (for a bound, as <see cref="InsideBand90"/>):
    /// consistent with the record once its uncertainty is counted, as the fit charts show it.
    /// </summary>
    public bool ErrorIntervalMeetsBand90
    {
        get
        {
            if (Observation.IsBound)
            {
                return InsideBand90;
            }
            var (low, high) = Observation.Interval90();
            return low <= P95 && high >= P5;
        }
    }
}
