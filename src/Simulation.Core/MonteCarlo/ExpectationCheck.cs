using Simulation.Core.Model;

namespace Simulation.Core.MonteCarlo;

/// <summary>Checks the claims of a scenario file (<see cref="Scenario.Expectations"/>) against the result of its runs.</summary>
public static class ExpectationCheck
{
    /// <summary>Each claim of the result's scenario with the run's estimate, in file order.</summary>
    public static IReadOnlyList<ExpectationOutcome> Evaluate(MonteCarloResult result)
    {
        var claims = result.Scenario.Expectations;
        var outcomes = new ExpectationOutcome[claims.Count];
        for (int i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            (double estimate, double se) = claim.Quantity switch
            {
                ExpectedQuantity.Mean => (result.Of(claim.Metric).Statistics.Mean, result.Of(claim.Metric).Statistics.Se),
                ExpectedQuantity.Median => (result.Of(claim.Metric).Statistics.P50, 0),
                ExpectedQuantity.ByHorizon => (result.Probability(claim.Probability), result.ProbabilitySe(claim.Probability)),
                _ => Share(result, claim),
            };
            // A metric that never happened has no mean or median (NaN): such a claim does not hold.
            bool holds = estimate >= claim.Low && estimate <= claim.High;
            outcomes[i] = new ExpectationOutcome(claim, estimate, se, holds);
        }
        return outcomes;
    }

    private static (double, double) Share(MonteCarloResult result, Expectation claim)
    {
        var exceedance = result.Exceeds(claim.Metric, claim.Above);
        return (exceedance.Probability, exceedance.StandardError);
    }
}
