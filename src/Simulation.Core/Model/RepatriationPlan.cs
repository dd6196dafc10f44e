namespace Simulation.Core.Model;

/// <summary>A repatriation order compiled for the hot loop: the deadline as a month index, its parameters' slots, the channels it covers.</summary>
internal sealed record RepatriationPlan(int Deadline, int ComplianceSlot, int RampSlot, int ConvertSlot, bool[] Covers, int ConvertTo);
