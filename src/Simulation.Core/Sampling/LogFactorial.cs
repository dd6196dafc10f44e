namespace Simulation.Core.Sampling;

/// <summary>
/// ln(k!) for the acceptance tests of the rejection samplers: exact (summed) below a table size, and the
/// Stirling series with three correction terms above it, whose truncation error there is below one ulp.
/// </summary>
public static class LogFactorial
{
    private const int TableSize = 1024;
    private static readonly double[] Table = BuildTable();

    private static double[] BuildTable()
    {
        var table = new double[TableSize];
        double sum = 0;
        for (int k = 1; k < TableSize; k++)
        {
            sum += Math.Log(k);
            table[k] = sum;
        }
        return table;
    }

    /// <summary>ln(k!) for k &gt;= 0 (k may be a whole number held in a double).</summary>
    public static double Of(double k)
    {
        if (k < TableSize)
        {
            return Table[(int)k];
        }
        double inverse = 1.0 / k;
        double inverseSquared = inverse * inverse;
        // Stirling: k ln k - k + ln(2 pi k)/2 + 1/(12k) - 1/(360k^3) + 1/(1260k^5).
        return (k + 0.5) * Math.Log(k) - k + 0.91893853320467274178
               + inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared / 1260));
    }
}
