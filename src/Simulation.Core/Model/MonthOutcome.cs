namespace Simulation.Core.Model;

/// <summary>What one run reports for one month (MODEL.md): the values of every series.</summary>
public readonly record struct MonthOutcome(
    long Workers,
    long Arrivals,
    long Returns,
    long Expelled,
    double RemittancesUsd,
    double CumulativeRemittancesUsd,
    bool Enforced,
    bool Postwar);
