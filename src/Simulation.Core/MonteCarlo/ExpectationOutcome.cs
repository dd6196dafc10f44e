using Simulation.Core.Model;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// What a run gave for one claim of its scenario file: the estimate with its Monte Carlo standard error (0 for a
/// median, whose error the sketch's relative accuracy bounds instead), and whether it lies in the claimed range.
/// </summary>
public sealed record ExpectationOutcome(Expectation Expectation, double Estimate, double StandardError, bool Holds)
{
    /// <summary>True when the estimate lies within 2 standard errors of an end of the range: another seed could decide the other way.</summary>
    public bool NearEdge =>
        StandardError > 0 && (Math.Abs(Estimate - Expectation.Low) < 2 * StandardError || Math.Abs(Estimate - Expectation.High) < 2 * StandardError);
}
