using Simulation.Core.Model;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Analysis;

public class SweepAxisTests
{
    private static readonly Scenario Baseline = TestScenarios.Shipped("donbas-baseline");

    [Fact]
    public void Parse_StartStopCount_GivesEvenlySpacedValuesWithExactEnds()
    {
        var axis = SweepAxis.Parse("enforcement.deterrence=0:1:11", Baseline, new ProblemList())!;
        Assert.Equal(11, axis.Values.Count);
        Assert.Equal(0, axis.Values[0]);
        Assert.Equal(0.5, axis.Values[5], 15);
        Assert.Equal(1, axis.Values[^1]);
        Assert.Equal("enforcement.deterrence", axis.KeyPath);
    }

    [Theory]
    [InlineData("enforcement.deterrence", "must be key.path=START:STOP:COUNT")]
    [InlineData("enforcement.deterence=0:1:3", "did you mean 'enforcement.deterrence'?")]
    [InlineData("runs=1:5:3", "cannot be swept")]
    [InlineData("enforcement.deterrence=0:1", "must be START:STOP:COUNT")]
    [InlineData("enforcement.deterrence=0:x:3", "must be START:STOP:COUNT")]
    [InlineData("enforcement.deterrence=0:1:1", "COUNT must be between 2 and 1000")]
    [InlineData("enforcement.deterrence=0:2:3", "every value must be between 0 and 1")]
    public void Parse_BadText_NamesTheOptionAndTheFix(string text, string expected)
    {
        var problems = new ProblemList();
        Assert.Null(SweepAxis.Parse(text, Baseline, problems));
        var problem = Assert.Single(problems.Items);
        Assert.StartsWith($"--over {text}", problem.ToString());
        Assert.Contains(expected, problem.ToString());
    }
}
