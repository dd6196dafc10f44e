namespace Simulation.Core.Calibration;

/// <summary>How an observation's error turns a model value into a standardized residual (docs/calibration.md).</summary>
public enum ObservationErrorKind
{
    /// <summary>(y - z) / (error z): error is a relative standard error.</summary>
    Relative,

    /// <summary>(ln(y + 1) - ln(z + 1)) / error: error is the standard deviation of the log.</summary>
    LogNormal,

    /// <summary>(y - z) / sqrt(max(z, 1)): counting noise; no error.</summary>
    Poisson,

    /// <summary>max(0, y - z) / (error z): z is an upper bound.</summary>
    Upper,

    /// <summary>max(0, z - y) / (error z): z is a lower bound.</summary>
    Lower,
}
