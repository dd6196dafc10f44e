namespace Simulation.Core.Calibration;

/// <summary>
/// Where an observation falls in the posterior predictive distribution of its model value: the predictive
/// percentiles, the share of predictive runs below the observed value, and whether the 90% band holds it (for a
/// bound: whether the band reaches the allowed side).
/// </summary>
public sealed record ObservationFit(Observation Observation, double P5, double P25, double P50, double P75, double P95, double ShareBelow, double ShareMeetingBound)
{
    /// <summary>True when the observation is consistent with the 90% predictive band.</summary>
    public bool InsideBand90 => Observation.ErrorKind switch
    {
        ObservationErrorKind.Upper => P5 <= Observation.Value,
        ObservationErrorKind.Lower => P95 >= Observation.Value,
        _ => P5 <= Observation.Value && Observation.Value <= P95,
    };

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
