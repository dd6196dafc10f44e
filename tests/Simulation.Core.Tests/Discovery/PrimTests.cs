using Simulation.Core.Discovery;
using Simulation.Core.Random;

namespace Simulation.Core.Tests.Discovery;

public class PrimTests
{
    [Fact]
    public void Quantile_TieAwareRuleOfTheEmaWorkbench()
    {
        double[] digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        Assert.Equal(8.5, Prim.Quantile(digits, 0.9));
        Assert.Equal(8.5, Prim.Quantile(digits, 0.95));
        Assert.Equal(0.5, Prim.Quantile(digits, 0.1));
        Assert.Equal(0.5, Prim.Quantile(digits, 0.05));
        Assert.Equal(1, Prim.Quantile([1.0], 0.9));
        Assert.Equal(1, Prim.Quantile([1.0], 0.05));
        double[] ties = [1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9];
        Assert.Equal(8.5, Prim.Quantile(ties, 0.9));
        Assert.Equal(1.5, Prim.Quantile(ties, 0.1));
    }

    [Fact]
    public void BinomialUpperTail_80HitsIn100AtHalf()
    {
        Assert.Equal(5.58e-10, Prim.BinomialUpperTail(80, 100, 0.5), 0.01e-10);
        Assert.Equal(1, Prim.BinomialUpperTail(0, 10, 0.3));
        Assert.Equal(0.5, Prim.BinomialUpperTail(1, 1, 0.5), 12);
        // P(X >= 2) for Binomial(3, 0.5) = 4/8.
        Assert.Equal(0.5, Prim.BinomialUpperTail(2, 3, 0.5), 12);
    }

    [Fact]
    public void Run_ThreePointCase_FirstPeelHasCoverageOneDensityOneMassTwoThirds()
    {
        // The EMA Workbench's small case: points (0,1,2), (2,5,6), (3,2,1); the first two are hits.
        var data = new PrimData(["a", "b", "c"], [[0, 2, 3], [1, 5, 2], [2, 6, 1]], [true, true, false]);
        var trajectory = Prim.Run(data);
        var first = trajectory.Steps[1];
        Assert.Equal("peel", first.Phase);
        Assert.Equal(1, first.Coverage);
        Assert.Equal(1, first.Density);
        Assert.Equal(2.0 / 3, first.Mass, 12);
        Assert.Equal(1, first.RestrictedDimensions);
        // The upper face of a, cut at the tie-aware 0.95-quantile of {0, 2, 3}: 2.5.
        Assert.Equal(2.5, first.Box.Upper[0]);
        Assert.Equal(1, trajectory.Balanced);
        Assert.Equal((1.0, 1.0, 0), (trajectory.Steps[0].Coverage, trajectory.Steps[0].Mass, trajectory.Steps[0].Index));
    }

    [Fact]
    public void Run_SyntheticBox_Recovered()
    {
        var data = SyntheticBox(5000, seed: 7);
        var trajectory = Prim.Run(data);
        var chosen = trajectory.Steps[trajectory.Balanced];
        Assert.InRange(chosen.Coverage, 0.9, 1);
        Assert.InRange(chosen.Density, 0.9, 1);
        Assert.InRange(chosen.Box.Lower[0], 0.66, 0.74);
        Assert.InRange(chosen.Box.Lower[1], 0.46, 0.54);
        Assert.True(chosen.Box.Upper[0] > 0.97 && chosen.Box.Upper[1] > 0.97);
        // The third input is noise: it should not be restricted.
        Assert.False(chosen.Box.Restricts(2, trajectory.Initial) && chosen.Box.Upper[2] - chosen.Box.Lower[2] < 0.9);
        // Peeling never goes below the minimum mass, and every peel makes the box smaller.
        for (int i = 1; i < trajectory.Steps.Count; i++)
        {
            Assert.True(trajectory.Steps[i].Mass >= 0.05);
            if (trajectory.Steps[i].Phase == "peel")
            {
                Assert.True(trajectory.Steps[i].Points < trajectory.Steps[i - 1].Points);
            }
        }
        var pValues = Prim.QuasiPValues(data, trajectory, trajectory.Balanced);
        Assert.Contains(pValues, p => p.Name == "x1" && p.PValue < 1e-10);
        Assert.Contains(pValues, p => p.Name == "x2" && p.PValue < 1e-10);
    }

    [Fact]
    public void Resample_SyntheticBox_BothInputsReproduced_NoiseRarely()
    {
        var data = SyntheticBox(3000, seed: 8);
        var trajectory = Prim.Run(data);
        var reproducibility = PrimResampling.Reproducibility(data, trajectory, trajectory.Balanced, seed: 5);
        Assert.Equal(1, reproducibility.Single(r => r.Name == "x1").ByCoverage);
        Assert.Equal(1, reproducibility.Single(r => r.Name == "x2").ByCoverage);
        Assert.Equal(reproducibility, PrimResampling.Reproducibility(data, trajectory, trajectory.Balanced, seed: 5));
    }

    [Fact]
    public void Run_NoHits_StaysAtTheFullBox()
    {
        var data = new PrimData(["a"], [[1, 2, 3, 4]], [false, false, false, false]);
        var trajectory = Prim.Run(data);
        Assert.All(trajectory.Steps, s => Assert.Equal(0, s.Coverage));
        Assert.Equal(0, trajectory.Balanced);
    }

    private static PrimData SyntheticBox(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var columns = new double[3][];
        for (int d = 0; d < 3; d++)
        {
            columns[d] = new double[n];
        }
        var hits = new bool[n];
        for (int i = 0; i < n; i++)
        {
            for (int d = 0; d < 3; d++)
            {
                columns[d][i] = rng.NextDouble();
            }
            hits[i] = columns[0][i] > 0.7 && columns[1][i] > 0.5;
        }
        return new PrimData(["x1", "x2", "noise"], columns, hits);
    }
}
