using Simulation.Core.Sampling;
using Simulation.IO.Scenarios;

namespace Simulation.IO.Tests.Scenarios;

/// <summary>correlations: and sampling: (docs/scenario-format.md): what they load to, and every way of getting them wrong.</summary>
public class CorrelationReaderTests
{
    private const string Base = """
        scenario: t
        pay:
          wage: {dist: uniform, min: 40000, max: 100000}
          state_share: {dist: uniform, min: 0.6, max: 0.9}
        demand:
          peak: {dist: uniform, min: 1000, max: 9000}

        """;

    private static ScenarioLoadResult Load(string yaml, bool strict = false) => ScenarioReader.Load(Base + yaml, "x.yaml", null, strict);

    private static void Refused(string yaml, string expected, int line, int column, bool strict = false)
    {
        var result = Load(yaml, strict);
        Assert.False(result.IsValid);
        var problem = result.Problems.FirstOrDefault(p => p.ToString().Contains(expected, StringComparison.Ordinal));
        Assert.True(problem is not null, $"expected a problem containing \"{expected}\", got:\n{string.Join("\n", result.Problems)}");
        Assert.Equal(("x.yaml", line, column), (problem.Position.Source, problem.Position.Line, problem.Position.Column));
    }

    [Fact]
    public void Load_CorrelationsAndSampling()
    {
        var result = Load("""
            correlations:
              - {between: [pay.wage, pay.state_share], rho: -0.4}
              - {between: [demand.peak, pay.wage], rho: 0.25}
            sampling: {method: monte-carlo}
            """);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Scenario!.Correlations.Count);
        Assert.Equal(-0.4, result.Scenario.Correlations[0].Rho);
        Assert.Equal(SamplingMethod.MonteCarlo, result.Scenario.Sampling);
        Assert.Empty(result.Warnings);
        // A design with correlations is refused at the design's line: the copula would reorder its strata away.
        var design = Load("""
            correlations:
              - {between: [pay.wage, pay.state_share], rho: -0.4}
            sampling: {method: latin-hypercube}
            """);
        Assert.False(design.IsValid);
        Assert.Contains("sampling.method: latin-hypercube cannot keep its design for correlated inputs", string.Join("\n", design.Problems));
    }

    [Theory]
    [InlineData("correlations:\n  - {between: [pay.wag, pay.state_share], rho: 0.3}", "'pay.wag' is not an input of this scenario; did you mean 'pay.wage'?", 8, 16)]
    [InlineData("correlations:\n  - {between: [pay.wage, supply.pool], rho: 0.3}", "'supply.pool' is a plain number in this scenario", 8, 26)]
    [InlineData("correlations:\n  - {between: [pay.wage, pay.state_share], rho: 1.5}", "must lie between -1 and 1, got 1.5", 8, 49)]
    [InlineData("correlations:\n  - {between: [pay.wage, pay.wage], rho: 0.5}", "names 'pay.wage' twice", 8, 15)]
    [InlineData("correlations:\n  - {between: [pay.wage], rho: 0.5}", "must name two inputs", 8, 15)]
    [InlineData("correlations:\n  - {between: [pay.wage, pay.state_share]}", "needs 'rho'", 8, 5)]
    [InlineData("correlations:\n  - {between: [pay.wage, pay.state_share], rh: 0.5}", "did you mean 'rho'?", 8, 44)]
    [InlineData("correlations: {between: [pay.wage, pay.state_share], rho: 0.5}", "must be a list such as", 7, 15)]
    [InlineData("correlations:\n  - {between: [pay.wage, pay.state_share], rho: 0.5}\n  - {between: [pay.state_share, pay.wage], rho: 0.2}", "correlates pay.state_share and pay.wage again (first at line 8)", 9, 5)]
    [InlineData("sampling: {method: latin-hypercub}", "unknown method 'latin-hypercub'; did you mean 'latin-hypercube'?", 7, 20)]
    [InlineData("sampling: {methods: sobol}", "did you mean 'method'?", 7, 12)]
    [InlineData("sampling: sobol", "must be a mapping such as {method: latin-hypercube}", 7, 11)]
    public void Load_BadInput_RefusedAtFileLineColumn(string yaml, string expected, int line, int column) => Refused(yaml, expected, line, column);

    [Fact]
    public void Load_InvalidMatrix_RepairedWithAWarningShowingBoth_OrRefusedWhenStrict()
    {
        const string yaml = """
            correlations:
              - {between: [pay.wage, pay.state_share], rho: 0.9}
              - {between: [pay.wage, demand.peak], rho: 0.8}
              - {between: [pay.state_share, demand.peak], rho: 0.0}
            """;
        var result = Load(yaml);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        string warning = Assert.Single(result.Warnings).ToString();
        Assert.Contains("smallest eigenvalue -0.204", warning);
        Assert.Contains("0.900", warning);
        Assert.Contains("using the nearest valid matrix (Higham 2002) instead", warning);
        Refused(yaml, "lower the correlations that conflict, or drop --strict", 8, 3, strict: true);
    }
}
