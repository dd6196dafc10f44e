using System.Globalization;
using Simulation.Core.Discovery;
using Simulation.Testing;

namespace Simulation.Core.Tests.Discovery;

/// <summary>
/// PRIM's trajectory step for step against an independent implementation of the published algorithm as the EMA
/// Workbench runs it (Fixtures/prim_reference.py, which wrote the fixtures): the same boxes, points and hits at every
/// step, the same stop (no peel that raises the share of hits) and the same tie rule (fewer restricted inputs).
/// </summary>
public class PrimReferenceTests
{
    private static string Fixture(string file) => Path.Combine(TestScenarios.RepositoryRoot, "tests", "Simulation.Core.Tests", "Discovery", "Fixtures", file);

    [Theory]
    [InlineData("known_box")]
    [InlineData("tied")]
    public void Trajectory_MatchesTheIndependentImplementation_StepForStep(string name)
    {
        string[] dataLines = File.ReadAllLines(Fixture($"prim_{name}_data.csv"));
        int dimensions = dataLines[0].Split(',').Length - 1;
        int n = dataLines.Length - 1;
        var columns = new double[dimensions][];
        for (int d = 0; d < dimensions; d++)
        {
            columns[d] = new double[n];
        }
        var hits = new bool[n];
        for (int r = 0; r < n; r++)
        {
            string[] fields = dataLines[r + 1].Split(',');
            for (int d = 0; d < dimensions; d++)
            {
                columns[d][r] = double.Parse(fields[d], CultureInfo.InvariantCulture);
            }
            hits[r] = fields[dimensions] == "1";
        }
        var trajectory = Prim.Run(new PrimData([.. Enumerable.Range(0, dimensions).Select(d => $"x{d}")], columns, hits));

        string[] expected = File.ReadAllLines(Fixture($"prim_{name}_trajectory.csv"))[1..];
        Assert.Equal(expected.Length, trajectory.Steps.Count);
        for (int s = 0; s < expected.Length; s++)
        {
            string[] fields = expected[s].Split(',');
            var step = trajectory.Steps[s];
            string where = $"step {s}";
            Assert.True(fields[1] == step.Phase, $"{where}: phase {step.Phase}, expected {fields[1]}");
            Assert.True(int.Parse(fields[2], CultureInfo.InvariantCulture) == step.Points, $"{where}: {step.Points} points, expected {fields[2]}");
            Assert.True(int.Parse(fields[3], CultureInfo.InvariantCulture) == step.Hits, $"{where}: {step.Hits} hits, expected {fields[3]}");
            for (int d = 0; d < dimensions; d++)
            {
                Assert.Equal(double.Parse(fields[4 + 2 * d], CultureInfo.InvariantCulture), step.Box.Lower[d]);
                Assert.Equal(double.Parse(fields[5 + 2 * d], CultureInfo.InvariantCulture), step.Box.Upper[d]);
            }
        }
    }
}
