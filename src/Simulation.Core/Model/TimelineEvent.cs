namespace Simulation.Core.Model;

/// <summary>From month <paramref name="Month"/> on, slot <paramref name="Slot"/> of a run's parameters takes the run's input <paramref name="Source"/>.</summary>
internal readonly record struct TimelineEvent(int Month, int Slot, int Source);
