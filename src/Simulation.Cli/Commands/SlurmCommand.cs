using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Application.Verbs;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim slurm</c>: options to a <see cref="SlurmJob"/> and its plan.</summary>
internal static class SlurmCommand
{
    public static int Execute(SlurmOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, null, "nothing was written", problems =>
        {
            var loaded = ScenarioArguments.Load(options, options.Scenario, problems);
            var thresholds = OptionText.Thresholds(options.Threshold, problems);
            if (options.Threads is not null)
            {
                problems.Option($"--threads {options.Threads}", "is set per task by --cpus (each shard runs SLURM_CPUS_PER_TASK threads); use --cpus");
            }
            SlurmJob.Check(options.Time, options.Memory, options.Partition, options.Cpus, options.Out, problems);
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
