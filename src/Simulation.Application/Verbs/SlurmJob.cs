using System.Text.RegularExpressions;
using Simulation.Application.Inputs;

namespace Simulation.Application.Verbs;

/// <summary>What a Slurm job array asks of the cluster, and what its merge job passes on.</summary>
/// <param name="Shards">Array tasks, one shard each.</param>
/// <param name="Time">Slurm time limit per task, e.g. 01:00:00.</param>
/// <param name="Memory">Slurm memory per task, e.g. 2G.</param>
/// <param name="Cpus">CPUs per task (each shard runs that many threads).</param>
/// <param name="Partition">Slurm partition, or null for the cluster's default.</param>
/// <param name="Laborsim">How a node starts laborsim, quoted for bash.</param>
/// <param name="MergeOptions">Options passed on to the merge (--no-plots, --quiet, --threshold ...), each a single word.</param>
public sealed partial record SlurmJob(int Shards, string Time, string Memory, int Cpus, string? Partition, string Laborsim, IReadOnlyList<string> MergeOptions)
{
    [GeneratedRegex(@"^(\d+-)?\d{1,4}(:\d{2}){0,2}$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\d+[KMGT]?$")]
    private static partial Regex MemoryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.,-]+$")]
    private static partial Regex PartitionPattern();

    /// <summary>
    /// Adds a problem for each resource Slurm would refuse or a generated script could not quote: the time limit, the
    /// memory, the partition's name, the CPUs per task, and an output folder with a control character.
    /// </summary>
    public static void Check(string time, string memory, string? partition, int cpus, string? outPath, Problems problems)
    {
        if (!TimePattern().IsMatch(time))
        {
            problems.Option($"--time {time}", "must be a Slurm time such as 30, 01:00:00 or 1-00:00:00");
        }
        if (!MemoryPattern().IsMatch(memory))
        {
            problems.Option($"--mem {memory}", "must be a Slurm memory size such as 500M or 2G");
        }
        if (partition is not null && !PartitionPattern().IsMatch(partition))
        {
            problems.Option($"--partition {partition}", "must be a partition name of letters, digits, '.', '_' and '-'");
        }
        if (outPath is not null && outPath.Any(char.IsControl))
        {
            // A newline would end the quoted word in a generated script's line; no job scheduler path needs one.
            problems.Option("--out", "holds a control character (a newline or tab); choose a folder name without one");
        }
        if (cpus < 1 || cpus > 1024)
        {
            problems.Option($"--cpus {cpus}", "must be a whole number from 1 to 1024");
        }
    }
}
