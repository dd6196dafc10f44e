using Simulation.Core.MonteCarlo;
using Simulation.Testing;

namespace Simulation.Plotting.Tests;

/// <summary>The shipped baseline's result (3,000 runs of 36 months) that the chart tests draw from, simulated once.</summary>
internal static class BaselineResult
{
    private static readonly Lazy<MonteCarloResult> Result = new(() =>
        MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "3000"), ("months", "36")), new RunnerOptions { Threads = 2 }));

    public static MonteCarloResult Value => Result.Value;
}
