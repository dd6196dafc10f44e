using MathNet.Numerics.LinearAlgebra;

namespace Simulation.Core.Correlation;

/// <summary>
/// The nearest correlation matrix in the Frobenius norm (Higham, "Computing the nearest correlation matrix: a problem
/// from finance", IMA J. Numer. Anal. 22, 2002): alternating projections onto the positive semi-definite matrices and
/// onto the matrices with a unit diagonal, with Dykstra's correction so that they converge to the nearest point of
/// the intersection, not merely to some point of it.
/// </summary>
public static class NearestCorrelation
{
    /// <summary>The smallest eigenvalue of symmetric <paramref name="matrix"/>: negative when it is not a valid correlation matrix.</summary>
    public static double SmallestEigenvalue(double[,] matrix) =>
        Matrix<double>.Build.DenseOfArray(matrix).Evd(Symmetricity.Symmetric).EigenValues.Real().Minimum();

    /// <summary>The nearest correlation matrix to symmetric <paramref name="matrix"/> (itself when already valid).</summary>
    public static double[,] Higham(double[,] matrix, double tolerance = 1e-12, int maxIterations = 100_000)
    {
        var a = Matrix<double>.Build.DenseOfArray(matrix);
        int n = a.RowCount;
        var y = a.Clone();
        var correction = Matrix<double>.Build.Dense(n, n);
        var x = a.Clone();
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            var r = y - correction;
            x = PositiveSemiDefinite(r);
            correction = x - r;
            var previous = y;
            y = x.Clone();
            for (int i = 0; i < n; i++)
            {
                y[i, i] = 1;
            }
            if ((y - previous).FrobeniusNorm() <= tolerance * Math.Max(1, y.FrobeniusNorm()) && (y - x).FrobeniusNorm() <= tolerance * Math.Max(1, y.FrobeniusNorm()) * 1e3)
            {
                break;
            }
        }
        // Exactly symmetric with a unit diagonal, whatever rounding left.
        var result = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                result[i, j] = i == j ? 1 : (y[i, j] + y[j, i]) / 2;
            }
        }
        return result;
    }

    /// <summary>
    /// A factor F with F F' = <paramref name="matrix"/> (symmetric, positive semi-definite), from its eigenvectors
    /// scaled by the square roots of its eigenvalues; unlike Cholesky it exists for singular matrices (rho = 1).
    /// </summary>
    public static double[,] Factor(double[,] matrix)
    {
        var evd = Matrix<double>.Build.DenseOfArray(matrix).Evd(Symmetricity.Symmetric);
        int n = matrix.GetLength(0);
        var factor = new double[n, n];
        var values = evd.EigenValues.Real();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                factor[i, j] = evd.EigenVectors[i, j] * Math.Sqrt(Math.Max(0, values[j]));
            }
        }
        return factor;
    }

    private static Matrix<double> PositiveSemiDefinite(Matrix<double> matrix)
    {
        var symmetric = (matrix + matrix.Transpose()) / 2;
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Real().Map(v => Math.Max(0, v));
        var vectors = evd.EigenVectors;
        return vectors * Matrix<double>.Build.DenseOfDiagonalVector(values) * vectors.Transpose();
    }
}
