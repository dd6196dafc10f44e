namespace Simulation.Application.Verbs;

/// <summary>What a Slurm job array asks of the cluster, and what its merge job passes on.</summary>
/// <param name="Shards">Array tasks, one shard each.</param>
/// <param name="Time">Slurm time limit per task, e.g. 01:00:00.</param>
/// <param name="Memory">Slurm memory per task, e.g. 2G.</param>
/// <param name="Cpus">CPUs per task (each shard runs that many threads).</param>
/// <param name="Partition">Slurm partition, or null for the cluster's default.</param>
/// <param name="Laborsim">How a node starts laborsim, quoted for bash.</param>
/// <param name="MergeOptions">Options passed on to the merge (--no-plots, --quiet, --threshold ...), each a single word.</param>
public sealed record SlurmJob(int Shards, string Time, string Memory, int Cpus, string? Partition, string Laborsim, IReadOnlyList<string> MergeOptions);
