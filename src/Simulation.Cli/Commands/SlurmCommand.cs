using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Simulation.Core;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;

namespace Simulation.Cli.Commands;

internal static partial class SlurmCommand
{
    [GeneratedRegex(@"^(\d+-)?\d{1,4}(:\d{2}){0,2}$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\d+[KMGT]?$")]
    private static partial Regex MemoryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.,-]+$")]
    private static partial Regex PartitionPattern();

    public static int Execute(SlurmOptions options, Terminal terminal)
    {
        var problems = new List<ScenarioProblem>();
        var overrides = ScenarioLoading.Overrides(options, problems);
        if (options.Shards < 1 || options.Shards > 100_000)
        {
            problems.Add(new ScenarioProblem(new($"--shards {options.Shards}", 0, 0), "", "must be a whole number from 1 to 100,000"));
        }
        if (!TimePattern().IsMatch(options.Time))
        {
            problems.Add(new ScenarioProblem(new($"--time {options.Time}", 0, 0), "", "must be a Slurm time such as 30, 01:00:00 or 1-00:00:00"));
        }
        if (!MemoryPattern().IsMatch(options.Memory))
        {
            problems.Add(new ScenarioProblem(new($"--mem {options.Memory}", 0, 0), "", "must be a Slurm memory size such as 500M or 2G"));
        }
        if (options.Partition is { } partition && !PartitionPattern().IsMatch(partition))
        {
            problems.Add(new ScenarioProblem(new($"--partition {partition}", 0, 0), "", "must be a partition name of letters, digits, '.', '_' and '-'"));
        }
        if (options.Threads is not null)
        {
            problems.Add(new ScenarioProblem(new($"--threads {options.Threads}", 0, 0), "", "is set per task by --cpus (each shard runs SLURM_CPUS_PER_TASK threads); use --cpus"));
        }
        if (options.Out is { } target && target.Any(char.IsControl))
        {
            // A newline would end the quoted word in a generated script's line; no job scheduler path needs one.
            problems.Add(new ScenarioProblem(new("--out", 0, 0), "", "holds a control character (a newline or tab); choose a folder name without one"));
        }
        if (options.Cpus < 1 || options.Cpus > 1024)
        {
            problems.Add(new ScenarioProblem(new($"--cpus {options.Cpus}", 0, 0), "", "must be a whole number from 1 to 1024"));
        }
        var loaded = ScenarioLoading.Load(options.Scenario, overrides, problems, terminal, options.Strict);
        if (problems.Count > 0 || loaded.Scenario is null || loaded.Document is null)
        {
            ProblemPrinter.Print(terminal, problems, "nothing was written");
            return ExitCodes.BadInput;
        }
        var scenario = loaded.Scenario;
        string outPath = Path.GetFullPath(options.Out ?? Path.Combine("out", $"{scenario.Name}-slurm"));
        if (OutputTargets.Refused(outPath, options.Force, terminal))
        {
            return ExitCodes.BadInput;
        }
        string laborsim = options.Laborsim ?? CurrentCommand();

        using (var folder = OutputFolder.Begin(outPath, options.Force))
        {
            string header = $"Scenario {scenario.Name} as submitted by laborsim {EngineInfo.Version}: overrides applied, defaults written out.";
            loaded.Document.WriteAsRun(folder.File("scenario.yaml"), header);
            WriteScript(folder.File("shards.sbatch"), ShardScript(scenario.Name, options, laborsim, outPath));
            WriteScript(folder.File("merge.sbatch"), MergeScript(scenario.Name, options, laborsim, outPath));
            WriteScript(folder.File("submit.sh"), SubmitScript());
            Directory.CreateDirectory(Path.Combine(folder.StagingPath, "logs"));
            folder.Commit();
        }
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name}: {options.Shards} shards of about {scenario.Runs / options.Shards:N0} runs each, written to {outPath}"));
        terminal.Out.WriteLine("Submit the job array and the merge that waits for it with:");
        terminal.Out.WriteLine($"  bash {Quote(Path.Combine(outPath, "submit.sh"))}");
        terminal.Out.WriteLine($"The merged result will be in {Path.Combine(outPath, "result")}; logs in {Path.Combine(outPath, "logs")}.");
        return ExitCodes.Ok;
    }

    /// <summary>How to start this laborsim again: the apphost itself, or 'dotnet laborsim.dll'.</summary>
    internal static string CurrentCommand()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        // Not Assembly.Location: it is empty in a single-file binary (where the process path is used anyway).
        string assembly = Path.Combine(AppContext.BaseDirectory, typeof(SlurmCommand).Assembly.GetName().Name + ".dll");
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? $"{Quote(process)} {Quote(assembly)}" : Quote(process);
    }

    internal static string ShardScript(string name, SlurmOptions options, string laborsim, string outPath)
    {
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append($"#SBATCH --job-name=laborsim-{name}\n");
        script.Append($"#SBATCH --array=0-{options.Shards - 1}\n");
        if (options.Partition is not null) script.Append($"#SBATCH --partition={options.Partition}\n");
        script.Append($"#SBATCH --time={options.Time}\n");
        script.Append($"#SBATCH --mem={options.Memory}\n");
        script.Append($"#SBATCH --cpus-per-task={options.Cpus}\n");
        // Relative to the folder submit.sh runs sbatch from: #SBATCH lines cannot be quoted, so no path is written into them.
        script.Append("#SBATCH --output=logs/shard-%a.out\n");
        script.Append("# Each array task runs one shard: the runs of shard I keep their (seed, run index) random streams.\n");
        script.Append("set -euo pipefail\n");
        script.Append("shard=${SLURM_ARRAY_TASK_ID:?this script runs as a Slurm array task}\n");
        script.Append($"{laborsim} run {Quote(Path.Combine(outPath, "scenario.yaml"))} --shard \"$shard/{options.Shards}\" \\\n");
        script.Append($"  --out {Quote(Path.Combine(outPath, "shards"))}/shard-$(printf %04d \"$shard\") --threads \"${{SLURM_CPUS_PER_TASK:-1}}\" --quiet\n");
        return script.ToString();
    }

    internal static string MergeScript(string name, SlurmOptions options, string laborsim, string outPath)
    {
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append($"#SBATCH --job-name=laborsim-{name}-merge\n");
        if (options.Partition is not null) script.Append($"#SBATCH --partition={options.Partition}\n");
        script.Append($"#SBATCH --time={options.Time}\n");
        script.Append($"#SBATCH --mem={options.Memory}\n");
        script.Append("#SBATCH --cpus-per-task=1\n");
        script.Append("#SBATCH --output=logs/merge.out\n");
        script.Append("set -euo pipefail\n");
        script.Append($"{laborsim} merge {Quote(Path.Combine(outPath, "shards"))} --out {Quote(Path.Combine(outPath, "result"))}")
            .Append(options.NoPlots ? " --no-plots" : "").Append(options.Quiet ? " --quiet" : "").Append('\n');
        return script.ToString();
    }

    internal static string SubmitScript() =>
        "#!/bin/bash\n"
        + "# Submits the shard array, then the merge with a dependency on every array task succeeding.\n"
        + "set -euo pipefail\n"
        + "cd \"$(dirname \"$0\")\"\n"
        + "array=$(sbatch --parsable shards.sbatch)\n"
        + "array=${array%%;*}\n"
        + "merge=$(sbatch --parsable --dependency=afterok:\"$array\" merge.sbatch)\n"
        + "merge=${merge%%;*}\n"
        + "echo \"submitted the shards as job array $array and the merge as job $merge\"\n"
        + "echo \"$array $merge\" > jobs.txt\n";

    private static void WriteScript(string path, string text)
    {
        File.WriteAllText(path, text, new UTF8Encoding(false));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
