using Simulation.Core.MonteCarlo;
using Simulation.Core.Requests;
using Simulation.Testing;

namespace Simulation.IO.Tests.Scenarios;

/// <summary>
/// Every shipped scenario states the claims its description and comments make as <c>expect:</c> entries, and its runs
/// bear them out: a file whose words drift from its numbers fails here, not in front of a reader.
/// </summary>
public class ShippedScenarioClaimsTests
{
    public static TheoryData<string> Shipped()
    {
        var names = new TheoryData<string>();
        foreach (string file in TestScenarios.ShippedFiles())
        {
            names.Add(Path.GetFileNameWithoutExtension(file));
        }
        return names;
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ShippedScenario_StatesItsClaims_AndItsRunsBearThemOut(string name)
    {
        // 20,000 runs: a share's standard error is at most 0.35 points; a claim that holds by less than 2 standard
        // errors would flip with the seed, so it fails too (the file's range then needs to say what the runs support).
        var scenario = TestScenarios.Shipped(name, ("runs", "20000"));
        Assert.NotEmpty(scenario.Expectations);
        var request = new RunRequest(scenario);
        var result = MonteCarloRunner.Run(scenario, request.RunnerOptions(2, null, CancellationToken.None));
        foreach (var outcome in ExpectationCheck.Evaluate(result))
        {
            var claim = outcome.Expectation;
            Assert.True(outcome.Holds, $"{name}: \"{claim.Says}\": {claim.Quantity} is {outcome.Estimate} ± {outcome.StandardError}, the file says {claim.Low} to {claim.High}");
            Assert.False(outcome.NearEdge, $"{name}: \"{claim.Says}\" holds by less than 2 standard errors ({outcome.Estimate} in [{claim.Low}, {claim.High}])");
        }
    }
}
