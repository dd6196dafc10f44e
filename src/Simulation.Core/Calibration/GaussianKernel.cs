using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Calibration;

/// <summary>
/// The multivariate normal perturbation kernel of ABC-SMC: covariance Σ factored as L Lᵀ, draws θ + L z, and the
/// whitening L⁻¹ x under which the kernel's density is exp(-|L⁻¹(θ - θ')|² / 2) up to a constant.
/// </summary>
internal sealed class GaussianKernel
{
    private readonly double[] _lower;

    public GaussianKernel(double[] covariance, int dimensions)
    {
        Dimensions = dimensions;
        // A parameter on which all particles agree gives a singular matrix: a ridge tiny against the diagonal
        // keeps the factor defined without changing the kernel where the particles do vary.
        double scale = 0;
        for (int i = 0; i < dimensions; i++)
        {
            scale = Math.Max(scale, Math.Abs(covariance[i * dimensions + i]));
        }
        double ridge = 0;
        double[]? lower = null;
        for (int attempt = 0; attempt < 30 && lower is null; attempt++)
        {
            lower = TryFactor(covariance, dimensions, ridge);
            ridge = ridge == 0 ? 1e-12 * Math.Max(scale, 1e-300) : ridge * 10;
        }
        _lower = lower ?? throw new InvalidOperationException("the particles' covariance cannot be factored");
    }

    public int Dimensions { get; }

    /// <summary>center + L z with z standard normal from <paramref name="rng"/>.</summary>
    public void Perturb(ReadOnlySpan<double> center, ref Xoshiro256StarStar rng, Span<double> result, Span<double> z)
    {
        int d = Dimensions;
        for (int i = 0; i < d; i++)
        {
            z[i] = StandardNormal.Sample(ref rng);
        }
        for (int i = 0; i < d; i++)
        {
            double sum = center[i];
            for (int k = 0; k <= i; k++)
            {
                sum += _lower[i * d + k] * z[k];
            }
            result[i] = sum;
        }
    }

    /// <summary>L⁻¹ x by forward substitution.</summary>
    public void Whiten(ReadOnlySpan<double> x, Span<double> result)
    {
        int d = Dimensions;
        for (int i = 0; i < d; i++)
        {
            double sum = x[i];
            for (int k = 0; k < i; k++)
            {
                sum -= _lower[i * d + k] * result[k];
            }
            result[i] = sum / _lower[i * d + i];
        }
    }

    private static double[]? TryFactor(double[] a, int d, double ridge)
    {
        var l = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[i * d + j] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i * d + k] * l[j * d + k];
                }
                if (i == j)
                {
                    if (!(sum > 0) || !double.IsFinite(sum))
                    {
                        return null;
                    }
                    l[i * d + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i * d + j] = sum / l[j * d + j];
                }
            }
        }
        return l;
    }
}
