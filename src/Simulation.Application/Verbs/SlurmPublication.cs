using System.Globalization;
using System.Text;
using Simulation.Application.Publishing;
using Simulation.Core;
using Simulation.Core.Model;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Verbs;

/// <summary>The folder of <c>laborsim slurm</c>: the scenario as submitted, a job array of shards, a merge that waits for it, and the script that submits both.</summary>
public static class SlurmPublication
{
    /// <summary>The marker's verb.</summary>
    public const string Verb = "slurm";

    /// <summary>The job array's script.</summary>
    public const string ShardScriptFile = "shards.sbatch";

    /// <summary>The merge job's script.</summary>
    public const string MergeScriptFile = "merge.sbatch";

    /// <summary>The script that submits both.</summary>
    public const string SubmitScriptFile = "submit.sh";

    /// <summary>Where the merged result goes, inside the folder.</summary>
    public const string ResultFolder = "result";

    /// <summary>Everything <c>laborsim slurm</c> writes; <paramref name="outPath"/> is absolute, for the scripts.</summary>
    public static Publication Of(Scenario scenario, ScenarioDocument document, SlurmJob job, string outPath)
    {
        var files = RunPublication.AsRun(document, $"Scenario {scenario.Name} as submitted by laborsim {EngineInfo.Version}: overrides applied, defaults written out.").ToList();
        files.Add(OutputFile.Text(ShardScriptFile, ShardScript(scenario.Name, job, outPath)) with { Executable = true });
        files.Add(OutputFile.Text(MergeScriptFile, MergeScript(scenario.Name, job, outPath)) with { Executable = true });
        files.Add(OutputFile.Text(SubmitScriptFile, SubmitScript()) with { Executable = true });
        return new Publication
        {
            Verb = Verb,
            Files = files,
            Folders = ["logs"],
            Headline =
            [
                string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}: {job.Shards} shards of about {scenario.Runs / job.Shards:N0} runs each, written to {outPath}"),
                "Submit the job array and the merge that waits for it with:",
                $"  bash {Quote(Path.Combine(outPath, SubmitScriptFile))}",
                $"The merged result will be in {Path.Combine(outPath, ResultFolder)}; logs in {Path.Combine(outPath, "logs")}.",
            ],
            SaysWhereWritten = false,
        };
    }

    /// <summary>The job array: each task runs one shard with the (seed, run index) streams of its runs.</summary>
    public static string ShardScript(string name, SlurmJob job, string outPath)
    {
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append($"#SBATCH --job-name=laborsim-{name}\n");
        script.Append($"#SBATCH --array=0-{job.Shards - 1}\n");
        if (job.Partition is not null) script.Append($"#SBATCH --partition={job.Partition}\n");
        script.Append($"#SBATCH --time={job.Time}\n");
        script.Append($"#SBATCH --mem={job.Memory}\n");
        script.Append($"#SBATCH --cpus-per-task={job.Cpus}\n");
        // Relative to the folder submit.sh runs sbatch from: #SBATCH lines cannot be quoted, so no path is written into them.
        script.Append("#SBATCH --output=logs/shard-%a.out\n");
        script.Append("# Each array task runs one shard: the runs of shard I keep their (seed, run index) random streams.\n");
        script.Append("set -euo pipefail\n");
        script.Append("shard=${SLURM_ARRAY_TASK_ID:?this script runs as a Slurm array task}\n");
        script.Append($"{job.Laborsim} run {Quote(Path.Combine(outPath, RunPublication.ScenarioFile))} --shard \"$shard/{job.Shards}\" \\\n");
        script.Append($"  --out {Quote(Path.Combine(outPath, "shards"))}/shard-$(printf %04d \"$shard\") --threads \"${{SLURM_CPUS_PER_TASK:-1}}\" --quiet\n");
        return script.ToString();
    }

    /// <summary>The merge job: joins the shards into the normal output folder, with the options given to <c>laborsim slurm</c>.</summary>
    public static string MergeScript(string name, SlurmJob job, string outPath)
    {
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append($"#SBATCH --job-name=laborsim-{name}-merge\n");
        if (job.Partition is not null) script.Append($"#SBATCH --partition={job.Partition}\n");
        script.Append($"#SBATCH --time={job.Time}\n");
        script.Append($"#SBATCH --mem={job.Memory}\n");
        script.Append("#SBATCH --cpus-per-task=1\n");
        script.Append("#SBATCH --output=logs/merge.out\n");
        script.Append("set -euo pipefail\n");
        script.Append($"{job.Laborsim} merge {Quote(Path.Combine(outPath, "shards"))} --out {Quote(Path.Combine(outPath, ResultFolder))}");
        foreach (string option in job.MergeOptions)
        {
            script.Append(' ').Append(option.StartsWith("--", StringComparison.Ordinal) ? option : Quote(option));
        }
        script.Append('\n');
        return script.ToString();
    }

    /// <summary>Submits the shard array, then the merge with a dependency on every array task succeeding.</summary>
    public static string SubmitScript() =>
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

    /// <summary>A word for bash, in single quotes.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
