namespace Simulation.Core.Decisions;

/// <summary>
/// Every policy's measures in every future (runs <see cref="FirstRun"/> to <see cref="FirstRun"/> + <see cref="Runs"/> - 1):
/// the uncertain inputs the future drew, and for each policy and measure its value, the month its signpost fired (NaN
/// when it did not, or the policy is not adaptive), and whether the policy satisficed there. What shards write and
/// merge joins; the robustness metrics are computed from it alone.
/// </summary>
public sealed class FuturesTable
{
    /// <summary>A table of <paramref name="runs"/> futures from run <paramref name="firstRun"/>, every value NaN until set.</summary>
    public FuturesTable(IReadOnlyList<string> inputNames, IReadOnlyList<string> policies, IReadOnlyList<Measure> measures, long firstRun, int runs)
    {
        InputNames = inputNames;
        Policies = policies;
        Measures = measures;
        FirstRun = firstRun;
        Runs = runs;
        Inputs = new double[checked(runs * inputNames.Count)];
        Values = new double[checked(runs * policies.Count * measures.Count)];
        TriggerMonths = new double[checked(runs * policies.Count)];
        Satisfied = new bool[checked(runs * policies.Count)];
        Array.Fill(Values, double.NaN);
        Array.Fill(TriggerMonths, double.NaN);
    }

    /// <summary>The uncertain inputs recorded for each future, by key path (and the run's no-ceasefire draw).</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Policy names, in order.</summary>
    public IReadOnlyList<string> Policies { get; }

    /// <summary>Measures, in order.</summary>
    public IReadOnlyList<Measure> Measures { get; }

    /// <summary>The run index of the first future.</summary>
    public long FirstRun { get; }

    /// <summary>Futures in the table.</summary>
    public int Runs { get; }

    /// <summary>Row-major: future f's input i at f * inputs + i.</summary>
    public double[] Inputs { get; }

    /// <summary>Future f, policy p, measure m at (f * policies + p) * measures + m.</summary>
    public double[] Values { get; }

    /// <summary>Future f, policy p at f * policies + p: the month index its signpost fired in, NaN when it did not.</summary>
    public double[] TriggerMonths { get; }

    /// <summary>Future f, policy p at f * policies + p: true when the policy met the satisficing condition there.</summary>
    public bool[] Satisfied { get; }

    /// <summary>The value of measure <paramref name="measure"/> under policy <paramref name="policy"/> in future <paramref name="future"/>.</summary>
    public double Value(int future, int policy, int measure) => Values[(future * Policies.Count + policy) * Measures.Count + measure];

    /// <summary>Joins tables of contiguous futures (shards), given in any order, into one.</summary>
    public static FuturesTable Concatenate(IReadOnlyList<FuturesTable> parts)
    {
        // A shard may hold no futures (more shards than blocks): it adds nothing.
        var ordered = parts.Where(p => p.Runs > 0).OrderBy(p => p.FirstRun).ToList();
        if (ordered.Count == 0)
        {
            return parts[0];
        }
        var first = ordered[0];
        var joined = new FuturesTable(first.InputNames, first.Policies, first.Measures, first.FirstRun, checked(ordered.Sum(p => p.Runs)));
        long next = first.FirstRun;
        int at = 0;
        foreach (var part in ordered)
        {
            if (part.FirstRun != next)
            {
                throw new ArgumentException(part.FirstRun > next ? $"futures {next} to {part.FirstRun - 1} are missing" : $"futures from {part.FirstRun} are given twice");
            }
            if (!part.InputNames.SequenceEqual(first.InputNames) || !part.Policies.SequenceEqual(first.Policies) || !part.Measures.Select(m => m.Name).SequenceEqual(first.Measures.Select(m => m.Name)))
            {
                throw new ArgumentException("the parts were made with different inputs, policies or measures");
            }
            Array.Copy(part.Inputs, 0, joined.Inputs, at * first.InputNames.Count, part.Inputs.Length);
            Array.Copy(part.Values, 0, joined.Values, at * first.Policies.Count * first.Measures.Count, part.Values.Length);
            Array.Copy(part.TriggerMonths, 0, joined.TriggerMonths, at * first.Policies.Count, part.TriggerMonths.Length);
            Array.Copy(part.Satisfied, 0, joined.Satisfied, at * first.Policies.Count, part.Satisfied.Length);
            at += part.Runs;
            next += part.Runs;
        }
        return joined;
    }
}
