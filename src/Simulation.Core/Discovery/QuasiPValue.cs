namespace Simulation.Core.Discovery;

/// <summary>
/// How surely input <paramref name="Name"/>'s restriction matters: the one-sided binomial probability of the box's hits
/// or more among its points, were the hit rate that of the box without this restriction (<paramref name="RateWithout"/>).
/// </summary>
public sealed record QuasiPValue(int Dimension, string Name, double Lower, double Upper, double RateWithout, double PValue);
