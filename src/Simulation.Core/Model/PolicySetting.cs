namespace Simulation.Core.Model;

/// <summary>One lever set by a policy: its key path and value.</summary>
public readonly record struct PolicySetting(string KeyPath, double Value);
