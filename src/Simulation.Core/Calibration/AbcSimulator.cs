namespace Simulation.Core.Calibration;

/// <summary>
/// Simulates the model once at <paramref name="parameters"/> and returns the distance of the result to the data
/// (NaN if it cannot be compared). Its random numbers must come only from streams keyed by
/// (<paramref name="streamSeed"/>, <paramref name="candidate"/>) so that the result does not depend on threads;
/// <paramref name="worker"/> (0 .. threads - 1) lets it reuse buffers of its own.
/// </summary>
public delegate double AbcSimulator(ReadOnlySpan<double> parameters, long streamSeed, long candidate, int worker);
