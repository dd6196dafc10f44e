using Simulation.Core.Catalogue;

namespace Simulation.Core.Model;

/// <summary>
/// A claim a scenario file makes about its own results (<c>expect:</c>), in the words of its description
/// (<see cref="Says"/>), with the range a run must give for the claim to hold. Descriptions and comments drift from
/// what a file computes as it is edited; a claim the run checks cannot.
/// </summary>
/// <param name="Says">The claim as the file words it ("the median ceasefire comes one year after the start").</param>
/// <param name="Quantity">What the range is for.</param>
/// <param name="Metric">The metric of a mean, median or share; unused for a probability by the horizon.</param>
/// <param name="Probability">The probability by the horizon; unused otherwise.</param>
/// <param name="Above">For a share: the value the metric must exceed.</param>
/// <param name="Low">Lowest value for which the claim holds (inclusive).</param>
/// <param name="High">Highest value for which the claim holds (inclusive).</param>
public sealed record Expectation(string Says, ExpectedQuantity Quantity, Metric Metric, HorizonProbability Probability, double Above,
    double Low, double High)
{
    /// <summary>The threshold whose exceedances a run must count for this claim, or null when it needs none.</summary>
    public (Metric Metric, double Value)? CountedThreshold => Quantity == ExpectedQuantity.ShareAbove ? (Metric, Above) : null;
}
