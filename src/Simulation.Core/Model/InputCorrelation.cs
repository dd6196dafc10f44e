namespace Simulation.Core.Model;

/// <summary>A Spearman rank correlation <paramref name="Rho"/> asked for between two uncertain inputs, named by key path.</summary>
public sealed record InputCorrelation(string First, string Second, double Rho);
