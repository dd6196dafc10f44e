namespace Simulation.Core.Discovery;

/// <summary>The points PRIM searches: one column of values per named input, and whether each point is a hit (the condition holds).</summary>
public sealed class PrimData
{
    /// <summary>Points with inputs <paramref name="columns"/> (one array per input, all of the same length) and outcomes <paramref name="hits"/>.</summary>
    public PrimData(IReadOnlyList<string> names, double[][] columns, bool[] hits)
    {
        if (names.Count != columns.Length)
        {
            throw new ArgumentException($"{names.Count} names for {columns.Length} columns");
        }
        foreach (var column in columns)
        {
            if (column.Length != hits.Length)
            {
                throw new ArgumentException("every column needs one value per point");
            }
            foreach (double value in column)
            {
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException("PRIM needs a finite value of every input at every point");
                }
            }
        }
        Names = names;
        Columns = columns;
        Hits = hits;
        int count = 0;
        foreach (bool hit in hits)
        {
            count += hit ? 1 : 0;
        }
        HitCount = count;
    }

    /// <summary>Input names, in column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Values of each input at each point.</summary>
    public double[][] Columns { get; }

    /// <summary>Whether the condition holds at each point.</summary>
    public bool[] Hits { get; }

    /// <summary>Points.</summary>
    public int Count => Hits.Length;

    /// <summary>Points where the condition holds.</summary>
    public int HitCount { get; }

    /// <summary>Inputs.</summary>
    public int Dimensions => Columns.Length;

    /// <summary>The points at <paramref name="rows"/>, in that order.</summary>
    public PrimData Subset(int[] rows)
    {
        var columns = new double[Dimensions][];
        for (int d = 0; d < columns.Length; d++)
        {
            columns[d] = new double[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                columns[d][i] = Columns[d][rows[i]];
            }
        }
        var hits = new bool[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            hits[i] = Hits[rows[i]];
        }
        return new PrimData(Names, columns, hits);
    }

    /// <summary>True when input <paramref name="d"/> takes only the values 0 and 1 (a draw such as "no ceasefire at all").</summary>
    public bool IsBinary(int d)
    {
        foreach (double value in Columns[d])
        {
            if (value != 0 && value != 1)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Limits in words: "0.684 to 0.899" as <paramref name="format"/> writes the numbers, or for a 0/1 input the one
    /// value the box keeps.
    /// </summary>
    public string Describe(int d, double lower, double upper, Func<double, string> format)
    {
        if (IsBinary(d) && (lower > 0 || upper < 1))
        {
            return lower > 0 ? "1 only" : "0 only";
        }
        return $"{format(lower)} to {format(upper)}";
    }

    /// <summary>The smallest box holding every point.</summary>
    public PrimBox Bounds()
    {
        var lower = new double[Dimensions];
        var upper = new double[Dimensions];
        for (int d = 0; d < Dimensions; d++)
        {
            lower[d] = double.PositiveInfinity;
            upper[d] = double.NegativeInfinity;
            foreach (double value in Columns[d])
            {
                lower[d] = Math.Min(lower[d], value);
                upper[d] = Math.Max(upper[d], value);
            }
        }
        return new PrimBox(lower, upper);
    }

    /// <summary>The rows inside <paramref name="box"/> among <paramref name="rows"/>.</summary>
    public int[] Inside(PrimBox box, int[] rows)
    {
        var inside = new List<int>(rows.Length);
        foreach (int row in rows)
        {
            bool within = true;
            for (int d = 0; d < Dimensions && within; d++)
            {
                double value = Columns[d][row];
                within = value >= box.Lower[d] && value <= box.Upper[d];
            }
            if (within)
            {
                inside.Add(row);
            }
        }
        return [.. inside];
    }

    /// <summary>Hits among <paramref name="rows"/>.</summary>
    public int HitsAmong(int[] rows)
    {
        int count = 0;
        foreach (int row in rows)
        {
            count += Hits[row] ? 1 : 0;
        }
        return count;
    }
}
