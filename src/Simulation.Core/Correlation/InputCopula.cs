namespace Simulation.Core.Correlation;

/// <summary>
/// The Gaussian copula that correlates some uncertain inputs: the rank correlations asked for, the valid matrix
/// used (Higham's nearest when the request is not positive semi-definite), and the factor that turns independent
/// normal numbers into correlated ones. A target Spearman rho becomes the normal correlation 2 sin(pi rho / 6)
/// (Pearson 1907; Kruskal 1958), the one whose rank correlation is rho, so the achieved rank correlation equals the
/// target instead of falling short of it (0.683 for 0.7).
/// </summary>
public sealed class InputCopula
{
    private InputCopula(int[] slots, string[] names, double[,] requested, double[,] used, double smallestEigenvalue, double[] factor)
    {
        Slots = slots;
        Names = names;
        Requested = requested;
        Used = used;
        SmallestEigenvalue = smallestEigenvalue;
        Factor = factor;
    }

    /// <summary>The parameter slots correlated, in order of first mention.</summary>
    public int[] Slots { get; }

    /// <summary>Their key paths.</summary>
    public string[] Names { get; }

    /// <summary>The rank correlations asked for (1 on the diagonal, 0 where none was given).</summary>
    public double[,] Requested { get; }

    /// <summary>The rank correlations used: <see cref="Requested"/>, or its nearest correlation matrix when that is not valid.</summary>
    public double[,] Used { get; }

    /// <summary>The smallest eigenvalue of <see cref="Requested"/>: negative when it had to be repaired.</summary>
    public double SmallestEigenvalue { get; }

    /// <summary>True when <see cref="Requested"/> was not positive semi-definite and <see cref="Used"/> is its repair.</summary>
    public bool IsRepaired => SmallestEigenvalue < -1e-12;

    /// <summary>Row-major k x k factor F of the normal correlation matrix (F F' = it).</summary>
    internal double[] Factor { get; }

    /// <summary>The copula of rank correlations <paramref name="rho"/> between the inputs at <paramref name="slots"/> named <paramref name="names"/>.</summary>
    public static InputCopula Build(int[] slots, string[] names, double[,] rho)
    {
        int k = slots.Length;
        double smallest = NearestCorrelation.SmallestEigenvalue(rho);
        var used = smallest < -1e-12 ? NearestCorrelation.Higham(rho) : (double[,])rho.Clone();
        var normal = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                normal[i, j] = i == j ? 1 : 2 * Math.Sin(Math.PI * used[i, j] / 6);
            }
        }
        // The transform keeps a strictly valid matrix valid, but a repaired one sits on the boundary, where it often
        // does not: then the normal matrix is repaired, and the rank correlations it implies are what the runs
        // achieve, so they are what Used reports (one matrix used, and said).
        if (NearestCorrelation.SmallestEigenvalue(normal) < -1e-12)
        {
            normal = NearestCorrelation.Higham(normal);
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    used[i, j] = i == j ? 1 : 6 / Math.PI * Math.Asin(normal[i, j] / 2);
                }
            }
        }
        var factor = NearestCorrelation.Factor(normal);
        var flat = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                flat[i * k + j] = factor[i, j];
            }
        }
        return new InputCopula(slots, names, rho, used, smallest, flat);
    }
}
