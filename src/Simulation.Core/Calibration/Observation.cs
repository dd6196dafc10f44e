using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;

namespace Simulation.Core.Calibration;

/// <summary>
/// One published figure a model series is compared with: a level (workers, a cumulative sum) at the end of
/// <paramref name="Last"/>, or a flow summed from <paramref name="First"/> to <paramref name="Last"/>.
/// </summary>
/// <param name="Series">A model series by name, e.g. "workers.permit".</param>
/// <param name="First">First month of the period.</param>
/// <param name="Last">Last month of the period.</param>
/// <param name="Period">The period as written ("2019-09", "2024Q3", "2019").</param>
/// <param name="Value">The observed value z.</param>
/// <param name="ErrorKind">How the residual is formed.</param>
/// <param name="Error">The error's scale (unused for Poisson).</param>
/// <param name="Source">Where the figure comes from.</param>
/// <param name="Note">Free text.</param>
public sealed record Observation(string Series, YearMonth First, YearMonth Last, string Period, double Value, ObservationErrorKind ErrorKind, double Error,
    string Source, string Note)
{
    /// <summary>The standardized residual r of model value <paramref name="y"/> against this observation.</summary>
    public double Residual(double y) => ErrorKind switch
    {
        ObservationErrorKind.Relative => (y - Value) / (Error * Value),
        ObservationErrorKind.LogNormal => (Math.Log(y + 1) - Math.Log(Value + 1)) / Error,
        ObservationErrorKind.Poisson => (y - Value) / Math.Sqrt(Math.Max(Value, 1)),
        ObservationErrorKind.Upper => Math.Max(0, y - Value) / (Error * Value),
        ObservationErrorKind.Lower => Math.Max(0, Value - y) / (Error * Value),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The scale on which this observation's error is additive: log(1 + y) for a lognormal error, y otherwise.</summary>
    public double OnErrorScale(double y) => ErrorKind == ObservationErrorKind.LogNormal ? Math.Log(y + 1) : y;

    /// <summary>
    /// The implausibility of a candidate whose model value has mean <paramref name="mean"/> and variance
    /// <paramref name="modelVariance"/> on <see cref="OnErrorScale"/>: |z - E[y]| / sqrt(V_obs + V_model + V_disc)
    /// (Craig et al. 1997), with V_obs from the stated error and V_disc from the model discrepancy
    /// <paramref name="discrepancy"/>, a share of z (on the log scale, that share itself). A bound counts only the
    /// distance on its wrong side.
    /// </summary>
    public double Implausibility(double mean, double modelVariance, double discrepancy)
    {
        double observed = OnErrorScale(Value);
        double observationVariance = ErrorKind switch
        {
            ObservationErrorKind.LogNormal => Error * Error,
            ObservationErrorKind.Poisson => Math.Max(Value, 1),
            _ => (Error * Value) * (Error * Value),
        };
        double discrepancyScale = ErrorKind == ObservationErrorKind.LogNormal ? discrepancy : discrepancy * Value;
        double gap = ErrorKind switch
        {
            ObservationErrorKind.Upper => Math.Max(0, mean - observed),
            ObservationErrorKind.Lower => Math.Max(0, observed - mean),
            _ => Math.Abs(observed - mean),
        };
        return gap / Math.Sqrt(observationVariance + modelVariance + discrepancyScale * discrepancyScale);
    }

    /// <summary>The observed value's 90% interval under its error model (the value itself for a bound).</summary>
    public (double Low, double High) Interval90()
    {
        const double z = 1.6448536269514722;
        return ErrorKind switch
        {
            ObservationErrorKind.Relative => (Math.Max(0, Value * (1 - z * Error)), Value * (1 + z * Error)),
            ObservationErrorKind.LogNormal => (Math.Exp(Math.Log(Value + 1) - z * Error) - 1, Math.Exp(Math.Log(Value + 1) + z * Error) - 1),
            ObservationErrorKind.Poisson => (Math.Max(0, Value - z * Math.Sqrt(Math.Max(Value, 1))), Value + z * Math.Sqrt(Math.Max(Value, 1))),
            _ => (Value, Value),
        };
    }

    /// <summary>True for bounds (upper, lower), which a value meets rather than matches.</summary>
    public bool IsBound => ErrorKind is ObservationErrorKind.Upper or ObservationErrorKind.Lower;
}
