using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// Workers moved between destinations (docs/model.md, "Transfers", model version 3): each month each worker at
/// <paramref name="From"/> moves to <paramref name="To"/> with probability <paramref name="Monthly"/>, keeping their channel.
/// </summary>
public sealed record Transfer(string From, string To, InputDistribution Monthly);
