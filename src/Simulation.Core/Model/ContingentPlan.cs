namespace Simulation.Core.Model;

/// <summary>A contingent compiled for the hot loop: first month index, the slot of its size, its channel, its number of monthly parts and the slot of its pay.</summary>
internal readonly record struct ContingentPlan(int Month, int WorkersSlot, int Channel, int SpreadMonths, int PaySlot);
