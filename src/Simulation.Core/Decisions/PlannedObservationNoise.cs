using Simulation.Core.Calibration;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Decisions;

/// <summary>
/// What a planned observation would report in one run: the model's value y for its series and period, measured with
/// the observation's error, the error kinds of calibration read as ways of measuring. relative: y (1 + e Z);
/// lognormal: (y + 1) exp(e Z) - 1; poisson: a Poisson count of mean y; upper (a figure that is at least the truth,
/// such as "fewer than 10,000"): y (1 + e |Z|); lower (at most the truth): y max(0, 1 - e |Z|).
/// </summary>
public static class PlannedObservationNoise
{
    /// <summary>The reported value for model value <paramref name="y"/>, drawn from <paramref name="rng"/>.</summary>
    public static double Report(Observation observation, double y, ref Xoshiro256StarStar rng)
    {
        double e = observation.Error;
        return observation.ErrorKind switch
        {
            ObservationErrorKind.Relative => y * (1 + e * StandardNormal.Sample(ref rng)),
            ObservationErrorKind.LogNormal => (y + 1) * Math.Exp(e * StandardNormal.Sample(ref rng)) - 1,
            ObservationErrorKind.Poisson => Sampling.Poisson.Sample(ref rng, Math.Max(0, y)),
            ObservationErrorKind.Upper => y * (1 + e * Math.Abs(StandardNormal.Sample(ref rng))),
            _ => y * Math.Max(0, 1 - e * Math.Abs(StandardNormal.Sample(ref rng))),
        };
    }
}
