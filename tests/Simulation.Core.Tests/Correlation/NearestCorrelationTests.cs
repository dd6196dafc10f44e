using Simulation.Core.Correlation;

namespace Simulation.Core.Tests.Correlation;

public class NearestCorrelationTests
{
    [Fact]
    public void Higham_KnownAnswer()
    {
        // Higham (2002), section 4's example: [[1,1,0],[1,1,1],[0,1,1]] -> off-diagonals 0.7607, 0.1573, 0.7607.
        var nearest = NearestCorrelation.Higham(new double[,] { { 1, 1, 0 }, { 1, 1, 1 }, { 0, 1, 1 } });
        Assert.Equal(0.7607, nearest[0, 1], 4);
        Assert.Equal(0.1573, nearest[0, 2], 4);
        Assert.Equal(0.7607, nearest[1, 2], 4);
        Assert.Equal(1, nearest[1, 1]);
        Assert.True(NearestCorrelation.SmallestEigenvalue(nearest) > -1e-10);
    }

    [Fact]
    public void SmallestEigenvalue_AtRiskExample()
    {
        // @RISK's example of an inconsistent matrix: 0.9, 0.8 and 0.0.
        var matrix = new double[,] { { 1, 0.9, 0.8 }, { 0.9, 1, 0 }, { 0.8, 0, 1 } };
        Assert.Equal(-0.204, NearestCorrelation.SmallestEigenvalue(matrix), 3);
        var nearest = NearestCorrelation.Higham(matrix);
        Assert.True(NearestCorrelation.SmallestEigenvalue(nearest) > -1e-10);
        Assert.Equal(nearest[0, 1], nearest[1, 0]);
    }

    [Fact]
    public void Higham_ValidMatrix_Unchanged()
    {
        var valid = new double[,] { { 1, 0.3, -0.2 }, { 0.3, 1, 0.5 }, { -0.2, 0.5, 1 } };
        var nearest = NearestCorrelation.Higham(valid);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(valid[i, j], nearest[i, j], 9);
            }
        }
    }

    [Fact]
    public void Factor_ReproducesTheMatrix_EvenWhenSingular()
    {
        var singular = new double[,] { { 1, 1 }, { 1, 1 } };
        var factor = NearestCorrelation.Factor(singular);
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                double product = factor[i, 0] * factor[j, 0] + factor[i, 1] * factor[j, 1];
                Assert.Equal(singular[i, j], product, 12);
            }
        }
    }
}
