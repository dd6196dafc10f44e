namespace Simulation.Core.Calibration;

/// <summary>
/// Simulates model <paramref name="model"/> once at <paramref name="parameters"/> and returns the distance of the
/// result to the data (NaN if it cannot be compared), with random numbers only from streams keyed by
/// (<paramref name="streamSeed"/>, <paramref name="candidate"/>); <paramref name="worker"/> lets it reuse buffers.
/// </summary>
public delegate double ModelChoiceSimulator(int model, ReadOnlySpan<double> parameters, long streamSeed, long candidate, int worker);
