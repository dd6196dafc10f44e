namespace Simulation.Core.Discovery;

/// <summary>Limits of a box, one closed interval [Lower[d], Upper[d]] per input d.</summary>
public sealed record PrimBox(double[] Lower, double[] Upper)
{
    /// <summary>A copy that can be changed without changing this box.</summary>
    public PrimBox Copy() => new((double[])Lower.Clone(), (double[])Upper.Clone());

    /// <summary>True when input <paramref name="d"/> is restricted relative to <paramref name="initial"/>.</summary>
    public bool Restricts(int d, PrimBox initial) => Lower[d] > initial.Lower[d] || Upper[d] < initial.Upper[d];

    /// <summary>Inputs restricted relative to <paramref name="initial"/>.</summary>
    public int RestrictedCount(PrimBox initial)
    {
        int count = 0;
        for (int d = 0; d < Lower.Length; d++)
        {
            if (Restricts(d, initial))
            {
                count++;
            }
        }
        return count;
    }
}
