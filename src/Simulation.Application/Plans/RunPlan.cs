using System.Diagnostics;
using System.Globalization;
using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core;
using Simulation.Core.Calibration;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Requests;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.IO.Shards;
using Simulation.Reporting;

namespace Simulation.Application.Plans;

/// <summary>
/// <c>laborsim run</c>: the whole run at once, one shard of it (--shard), or a run that checkpoints its completed blocks
/// (--checkpoint, --resume).
/// </summary>
public sealed class RunPlan : VerbPlan
{
    // Blocks per round between checkpoint opportunities: short enough to save often, long enough to keep both cores busy.
    private const long RoundBlocks = 16;

    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

    private IDisposable? _checkpointLock;

    private SummaryState? _saved;

    /// <summary>A plan for <paramref name="request"/> of the scenario in <paramref name="document"/>; <paramref name="assignments"/> are the --set values.</summary>
    public RunPlan(RunRequest request, ScenarioDocument document, IReadOnlyList<string> assignments)
    {
        Request = request;
        Document = document;
        Assignments = assignments;
    }

    /// <summary>The run asked for.</summary>
    public RunRequest Request { get; }

    /// <summary>The scenario as run.</summary>
    public ScenarioDocument Document { get; }

    /// <summary>The --set assignments, named in the report.</summary>
    public IReadOnlyList<string> Assignments { get; }

    /// <summary>The checkpoint folder (--checkpoint or --resume), or null.</summary>
    public string? CheckpointFolder { get; init; }

    /// <summary>True for --resume: carry on from the checkpoint in <see cref="CheckpointFolder"/>.</summary>
    public bool Resume { get; init; }

    /// <inheritdoc />
    public override string Verb => Request.Shard is null ? RunPublication.Verb : ShardPublication.Verb;

    /// <summary>The default output folder of a run: out/NAME, or with --set values out/NAME-modified-HASH; a shard's out/NAME-shards/shard-IIII.</summary>
    public static string DefaultOutput(RunRequest request, IReadOnlyList<string> assignments) => request.Shard is { } shard
        ? Path.Combine("out", $"{request.Scenario.Name}-shards", $"shard-{shard.Index.ToString("D4", CultureInfo.InvariantCulture)}")
        : Inputs.OutputFolders.Default(request.Scenario.Name, null, assignments);

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>(Request.Validate(budget));
        if (problems.Count > 0)
        {
            return problems;
        }
        if (Request.SaveRuns && DiskRefusal() is { } disk)
        {
            problems.Add(new RequestProblem("--save-runs", disk));
        }
        if (CheckpointFolder is { } folder)
        {
            if (Overlap(folder, OutPath) is { } overlap)
            {
                problems.Add(new RequestProblem($"--checkpoint {folder}",
                    $"and --out {OutPath} {overlap}: the output folder is replaced whole when the run ends, so it cannot hold the checkpoint; give them separate folders"));
                return problems;
            }
            try
            {
                _checkpointLock = CheckpointStore.Lock(folder);
            }
            catch (ShardFormatException exception)
            {
                problems.Add(new RequestProblem("--checkpoint", exception.Message));
                return problems;
            }
            if (!Resume && CheckpointStore.Exists(folder))
            {
                problems.Add(new RequestProblem($"--checkpoint {folder}", $"already holds a checkpoint; finish it with --resume {folder}, or choose another folder"));
            }
            else if (Resume && CheckpointStore.Exists(folder))
            {
                try
                {
                    _saved = CheckpointStore.Load(folder, ScenarioFingerprint.Of(Document), EngineInfo.Version).State;
                }
                catch (ShardFormatException exception)
                {
                    problems.Add(new RequestProblem("--resume", exception.Message));
                }
            }
        }
        return problems;
    }

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        if (Request.Shard is { } shard)
        {
            return RunShard(context, shard.Index, shard.Count);
        }
        if (CheckpointFolder is not null)
        {
            return RunCheckpointed(context);
        }
        var scenario = Request.Scenario;
        var target = Request.Precision;
        var progress = context.Progress.Runs(Request.PlannedRuns, relativeHalfWidth: target is null || !target.IsProbability);
        int threads = context.Budget.Threads(context.RequestedThreads, [scenario], new NoteCollection(context.Note));
        int recordRuns = (int)Math.Min(scenario.Runs, RunReport.RecordRuns);
        MonteCarloResult result;
        try
        {
            // The record's fit reads its runs' values from this pass rather than running them again.
            result = MonteCarloRunner.Run(scenario, Request.RunnerOptions(threads, progress, context.Cancellation) with
            {
                Record = Document.Record.Count > 0 ? RecordFit.Windows(scenario, Document.Record) : null,
                RecordRuns = recordRuns,
            });
        }
        catch (OperationCanceledException exception)
        {
            context.Progress.Finish();
            return new VerbOutcome(null, $"Interrupted: {exception.Message.Replace("The run was cancelled", "stopped", StringComparison.Ordinal)} No output was written (--keep-partial keeps what was done).");
        }
        context.Progress.Finish();
        var record = Document.Record.Count > 0 && !result.IsPartial
            ? result.RecordValues is { } values
                ? RecordFit.Fits(Document.Record, values)
                : RecordFit.Of(scenario, Document.Record, recordRuns, threads, context.Cancellation)
            : null;
        var publication = RunPublication.Of(result, Document, Assignments, Request.Thresholds, record);
        return result.IsPartial
            ? new VerbOutcome(publication, string.Create(CultureInfo.InvariantCulture,
                $"Interrupted after {result.Runs:N0} of {result.PlannedRuns:N0} runs; {OutPath} holds their summary, flagged \"partial\": true."))
            : VerbOutcome.Done(publication);
    }

    private VerbOutcome RunShard(VerbContext context, int index, int count)
    {
        var scenario = Request.Scenario;
        var blocks = MonteCarloRunner.ShardBlocks(scenario.Runs, index, count);
        long firstRun = Math.Min(blocks.FirstBlock * MonteCarloRunner.BlockSize, scenario.Runs);
        long endRun = Math.Min(blocks.EndBlock * MonteCarloRunner.BlockSize, scenario.Runs);
        var progress = context.Progress.Runs(endRun - firstRun);
        var stopwatch = Stopwatch.StartNew();
        var state = MonteCarloRunner.RunBlocks(scenario, blocks.FirstBlock, blocks.EndBlock, new RunnerOptions
        {
            Threads = context.Budget.Threads(context.RequestedThreads, [scenario], new NoteCollection(context.Note)),
            Cancellation = context.Cancellation,
            Progress = progress,
        });
        context.Progress.Finish();
        return VerbOutcome.Done(ShardPublication.Of(scenario, Document, state, index, count, blocks, stopwatch.Elapsed));
    }

    private VerbOutcome RunCheckpointed(VerbContext context)
    {
        var scenario = Request.Scenario;
        string folder = CheckpointFolder!;
        string fingerprint = ScenarioFingerprint.Of(Document);
        var saved = _saved;
        if (Resume && saved is null)
        {
            // A run killed before its first checkpoint leaves nothing to resume: start it again, and say so.
            context.Note($"note: no checkpoint saved yet in {folder}; starting from the first run.");
        }
        long blocks = MonteCarloRunner.BlockCount(scenario.Runs);
        long firstBlock = saved?.EndBlock ?? 0;
        long done = saved?.Runs ?? 0;
        var progress = context.Progress.Runs(scenario.Runs - done);
        var stopwatch = Stopwatch.StartNew();
        // The first round is saved at once, so that even an early kill leaves something to resume.
        var lastSave = -CheckpointInterval;
        var runnerOptions = new RunnerOptions
        {
            Threads = context.Budget.Threads(context.RequestedThreads, [scenario], new NoteCollection(context.Note)),
            Cancellation = context.Cancellation,
            Progress = progress,
            KeepPartial = true,
        };
        void Save(SummaryState rest)
        {
            var state = saved is null ? rest : SummaryState.Combine([saved, rest]);
            if (!context.Cancellation.IsCancellationRequested && stopwatch.Elapsed - lastSave < CheckpointInterval)
            {
                return;
            }
            CheckpointStore.Save(folder, state, scenario.Name, fingerprint, scenario.Seed, scenario.Runs, EngineInfo.Version);
            lastSave = stopwatch.Elapsed;
        }

        var restState = MonteCarloRunner.RunBlocks(scenario, firstBlock, blocks, runnerOptions, Save, RoundBlocks);
        context.Progress.Finish();
        var total = saved is null ? restState : SummaryState.Combine([saved, restState]);
        if (total.EndBlock < blocks)
        {
            string message = string.Create(CultureInfo.InvariantCulture,
                $"Interrupted after {total.Runs:N0} of {scenario.Runs:N0} runs; the checkpoint in {folder} holds them: finish with the same command and --resume {folder}.");
            if (!Request.KeepPartial)
            {
                return new VerbOutcome(null, message);
            }
            var partial = MonteCarloRunner.Complete(scenario, total, stopwatch.Elapsed, allowPartial: true);
            return new VerbOutcome(RunPublication.Of(partial, Document, Assignments, Request.Thresholds), message + $" {OutPath} holds their summary, flagged \"partial\": true.");
        }
        CheckpointStore.Save(folder, total, scenario.Name, fingerprint, scenario.Seed, scenario.Runs, EngineInfo.Version);
        var result = MonteCarloRunner.Complete(scenario, total, stopwatch.Elapsed);
        return VerbOutcome.Done(RunPublication.Of(result, Document, Assignments, Request.Thresholds));
    }

    /// <summary>Why runs.csv would not fit on the disk of the output folder, or null.</summary>
    private string? DiskRefusal()
    {
        // About 20 characters per value in runs.csv.
        long fileBytes = Request.Scenario.Runs * (RunRequest.RunTableColumns(Request.Scenario) + 1) * 20;
        try
        {
            var drive = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(OutPath))!);
            if (fileBytes > drive.AvailableFreeSpace)
            {
                return $"runs.csv would take about {fileBytes / (1 << 20):N0} MiB but {drive.RootDirectory} has {drive.AvailableFreeSpace / (1 << 20):N0} MiB free; "
                    + "run fewer runs or write elsewhere with --out";
            }
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // The free space cannot be known here; writing will tell.
        }
        return null;
    }

    /// <summary>How two folders overlap ("are the same folder", "lie one inside the other"), or null when they are apart.</summary>
    public static string? Overlap(string first, string second)
    {
        string a = Path.GetFullPath(first).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string b = Path.GetFullPath(second).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (a == b)
        {
            return "are the same folder";
        }
        return a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal) ? "lie one inside the other" : null;
    }

    /// <summary>True when <paramref name="folder"/> is a laborsim output whose summary.json says it is partial.</summary>
    public static bool IsPartialOutput(string folder)
    {
        string summary = Path.Combine(folder, SummaryJsonWriter.FileName);
        if (!File.Exists(Path.Combine(folder, OutputFolder.MarkerFile)) || !File.Exists(summary))
        {
            return false;
        }
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(summary));
            return json.RootElement.TryGetProperty("partial", out var partial) && partial.ValueKind == System.Text.Json.JsonValueKind.True;
        }
        catch (Exception exception) when (exception is IOException or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _checkpointLock?.Dispose();
        _checkpointLock = null;
    }
}
