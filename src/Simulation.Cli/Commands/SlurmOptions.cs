using CommandLine;

namespace Simulation.Cli.Commands;

[Verb("slurm", HelpText = "Write a Slurm job array that runs a scenario in shards, and a merge job that depends on it.")]
internal sealed class SlurmOptions : ScenarioOptions
{
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "Scenario file.")]
    public string Scenario { get; set; } = "";

    [Option("shards", Required = true, HelpText = "Number of shards (array tasks).")]
    public int Shards { get; set; }

    [Option("partition", HelpText = "Slurm partition (default: the cluster's default).")]
    public string? Partition { get; set; }

    [Option("time", Default = "01:00:00", HelpText = "Time limit per task, as Slurm writes it (e.g. 30, 01:00:00, 1-00:00:00).")]
    public string Time { get; set; } = "01:00:00";

    [Option("mem", Default = "2G", HelpText = "Memory per task (e.g. 500M, 2G).")]
    public string Memory { get; set; } = "2G";

    [Option("cpus", Default = 2, HelpText = "CPUs per task; each shard runs that many threads.")]
    public int Cpus { get; set; } = 2;

    [Option("laborsim", HelpText = "Command that runs laborsim on the compute nodes (default: the one running now).")]
    public string? Laborsim { get; set; }
}
