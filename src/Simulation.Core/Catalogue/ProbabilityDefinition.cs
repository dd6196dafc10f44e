namespace Simulation.Core.Catalogue;

/// <summary>A probability by the horizon as the catalogue declares it.</summary>
/// <param name="Probability">Which one.</param>
/// <param name="Name">Its key in JSON and CSV and on the command line, e.g. "enforced_by_horizon".</param>
/// <param name="Series">The 0/1 series whose mean in the last month it is.</param>
/// <param name="Label">In words, e.g. "P(enforcement hits the scheme by the horizon)".</param>
/// <param name="Goal">Which way it is better for the policy questions.</param>
public sealed record ProbabilityDefinition(HorizonProbability Probability, string Name, Series Series, string Label, Goal Goal);
