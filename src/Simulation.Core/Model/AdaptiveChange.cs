namespace Simulation.Core.Model;

/// <summary>
/// An adaptive policy as one run of the model carries it: the signpost, the lag and the levers it sets. The run
/// watches the signpost at the end of every month; when it first holds, in month t, the settings apply from month
/// t + 1 + lag for the rest of the run, whatever the timeline says, and t is the run's <c>trigger_month</c>.
/// </summary>
public sealed record AdaptiveChange(PolicyTrigger Trigger, int LagMonths, IReadOnlyList<PolicySetting> Settings);
