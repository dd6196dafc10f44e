namespace Simulation.Core.Model;

/// <summary>
/// An adaptive policy compiled for the hot loop: the index of the watched series among a month's values, whether it
/// is a stock (watched in each of the last months) or a flow (summed over them), the signpost, and the slots the
/// policy sets with their values.
/// </summary>
internal sealed record AdaptivePlan(int Series, bool IsStock, PolicyTrigger Trigger, int LagMonths, (int Slot, double Value)[] Settings);
