using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Requests;

/// <summary>
/// What one analysis may take of the machine: half the memory available to the process (the rest is the system's)
/// and the cores. Requests check their memory against it before anything runs.
/// </summary>
/// <param name="MemoryBytes">Bytes an analysis may hold.</param>
/// <param name="Cores">Processor cores.</param>
public sealed record ResourceBudget(long MemoryBytes, int Cores)
{
    /// <summary>This machine's budget: half of <see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>, every core.</summary>
    public static ResourceBudget Current() => new(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2, Environment.ProcessorCount);

    /// <summary>
    /// Worker threads: <paramref name="requested"/> or every core, but never more than the cores (extra threads buy no
    /// speed, and each keeps its own summaries) nor more than the memory holds for <paramref name="scenarios"/>'
    /// summaries. <paramref name="notes"/> receives why fewer than asked were used.
    /// </summary>
    public int Threads(int? requested, IReadOnlyList<Scenario> scenarios, ICollection<string> notes)
    {
        int threads = requested ?? Cores;
        if (threads > Cores)
        {
            notes.Add($"note: --threads {threads} is more than the {Cores} cores here; using {Cores} (results never depend on the thread count)");
            threads = Cores;
        }
        long perThread = 0;
        foreach (var scenario in scenarios)
        {
            perThread = Math.Max(perThread, MonteCarloRunner.ThreadMemoryBytes(scenario));
        }
        if (perThread > 0 && threads > 1 && (long)threads * perThread > MemoryBytes)
        {
            int fit = (int)Math.Max(1, MemoryBytes / perThread);
            notes.Add($"note: {threads} threads would keep about {threads * perThread >> 20:N0} MiB of summaries, more than half of the memory here; using {fit}");
            threads = fit;
        }
        return threads;
    }

    /// <summary>Why even one thread's summaries of <paramref name="scenario"/> would not fit, with the numbers, or null.</summary>
    public RequestProblem? HorizonRefusal(Scenario scenario)
    {
        long perThread = MonteCarloRunner.ThreadMemoryBytes(scenario);
        return perThread <= MemoryBytes ? null
            : new RequestProblem("", $"months: the summaries of a {scenario.Months}-month horizon need about {perThread >> 20:N0} MiB, more than half of the {MemoryBytes >> 19:N0} MiB here; use fewer --months");
    }

    /// <summary>Why a table of every run (<paramref name="columns"/> values each) would not fit in memory, or null.</summary>
    public string? RunTableRefusal(long runs, long columns, long limitBytes = long.MaxValue)
    {
        long bytes = runs * columns * sizeof(double);
        long limit = Math.Min(limitBytes, MemoryBytes);
        return bytes > limit || runs * columns > int.MaxValue
            ? $"{runs:N0} runs x {columns} columns would need {bytes / (1 << 20):N0} MiB in memory (at most {limit >> 20:N0} MiB here)"
            : null;
    }
}
