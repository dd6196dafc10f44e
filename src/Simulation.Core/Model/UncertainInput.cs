using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>A parameter drawn anew in every run: its key path and its distribution.</summary>
public sealed record UncertainInput(string KeyPath, InputDistribution Distribution);
