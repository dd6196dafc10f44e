namespace Simulation.Core.Calibration;

/// <summary>
/// Simulates the model once at <paramref name="parameters"/> and writes its value of each observation into
/// <paramref name="values"/>. Its random numbers must come only from streams keyed by (<paramref name="streamSeed"/>,
/// <paramref name="run"/>); <paramref name="worker"/> (0 .. threads - 1) lets it reuse buffers of its own.
/// </summary>
public delegate void HistoryMatchSimulator(ReadOnlySpan<double> parameters, long streamSeed, long run, int worker, Span<double> values);
