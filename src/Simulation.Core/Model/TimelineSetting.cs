using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>One value set by a timeline entry: the parameter's key path (e.g. "channels.permit.open") and its new value.</summary>
public sealed record TimelineSetting(string KeyPath, InputDistribution Value);
