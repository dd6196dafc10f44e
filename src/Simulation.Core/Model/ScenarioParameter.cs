using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>One parameter of a scenario under its key path (e.g. "pay.wage").</summary>
public sealed record ScenarioParameter(string KeyPath, InputDistribution Distribution);
