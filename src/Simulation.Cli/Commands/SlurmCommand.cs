using System.Text.RegularExpressions;
using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Application.Verbs;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim slurm</c>: options to a <see cref="SlurmJob"/> and its plan.</summary>
internal static partial class SlurmCommand
{
    [GeneratedRegex(@"^(\d+-)?\d{1,4}(:\d{2}){0,2}$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\d+[KMGT]?$")]
    private static partial Regex MemoryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.,-]+$")]
    private static partial Regex PartitionPattern();

    public static int Execute(SlurmOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, null, "nothing was written", problems =>
        {
            var loaded = ScenarioArguments.Load(options, options.Scenario, problems);
            var thresholds = OptionText.Thresholds(options.Threshold, problems);
            if (!TimePattern().IsMatch(options.Time))
            {
                problems.Option($"--time {options.Time}", "must be a Slurm time such as 30, 01:00:00 or 1-00:00:00");
            }
            if (!MemoryPattern().IsMatch(options.Memory))
            {
                problems.Option($"--mem {options.Memory}", "must be a Slurm memory size such as 500M or 2G");
            }
            if (options.Partition is { } partition && !PartitionPattern().IsMatch(partition))
            {
                problems.Option($"--partition {partition}", "must be a partition name of letters, digits, '.', '_' and '-'");
            }
            if (options.Threads is not null)
            {
                problems.Option($"--threads {options.Threads}", "is set per task by --cpus (each shard runs SLURM_CPUS_PER_TASK threads); use --cpus");
            }
            if (options.Out is { } target && target.Any(char.IsControl))
            {
                // A newline would end the quoted word in a generated script's line; no job scheduler path needs one.
                problems.Option("--out", "holds a control character (a newline or tab); choose a folder name without one");
            }
            if (options.Cpus < 1 || options.Cpus > 1024)
            {
                problems.Option($"--cpus {options.Cpus}", "must be a whole number from 1 to 1024");
            }
            if (loaded is null || problems.Count > 0)
            {
                return null;
            }
            var scenario = loaded.Scenario!;
            // The merge job gets what the user asked of the result: plots, quietness and every threshold.
            var merge = new List<string>();
            if (options.NoPlots) merge.Add("--no-plots");
            if (options.Quiet) merge.Add("--quiet");
            foreach (string threshold in options.Threshold)
            {
                merge.AddRange(["--threshold", threshold]);
            }
            var job = new SlurmJob(options.Shards, options.Time, options.Memory, options.Cpus, options.Partition, options.Laborsim ?? CurrentCommand(), merge);
            return new SlurmPlan(scenario, loaded.Document!, job)
            {
                OutPath = options.Out ?? Path.Combine("out", $"{scenario.Name}-slurm"),
                Force = options.Force,
                Source = options.Scenario,
            };
        });

    /// <summary>How to start this laborsim again: the apphost itself, or 'dotnet laborsim.dll'.</summary>
    internal static string CurrentCommand()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        // Not Assembly.Location: it is empty in a single-file binary (where the process path is used anyway).
        string assembly = Path.Combine(AppContext.BaseDirectory, typeof(SlurmCommand).Assembly.GetName().Name + ".dll");
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? $"{SlurmPublication.Quote(process)} {SlurmPublication.Quote(assembly)}" : SlurmPublication.Quote(process);
    }
}
