using System.Text.Json;
using System.Text.Json.Serialization;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;

namespace Simulation.IO.Shards;

/// <summary>
/// A checkpoint folder: checkpoint.json naming the scenario's fingerprint, seed and runs and the current state file
/// (state-&lt;end block&gt;.bin, the format of <see cref="SummaryStateFormat"/>). A new state file is written and flushed
/// first, then checkpoint.json is replaced by an atomic rename, so a crash at any moment leaves the previous complete
/// checkpoint or the new one.
/// </summary>
public static class CheckpointStore
{
    private const string ManifestFile = "checkpoint.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>What checkpoint.json holds.</summary>
    public sealed record Manifest(
        [property: JsonPropertyName("format")] string Format,
        [property: JsonPropertyName("format_version")] int Version,
        [property: JsonPropertyName("engine_version")] string EngineVersion,
        [property: JsonPropertyName("scenario")] string Scenario,
        [property: JsonPropertyName("fingerprint")] string Fingerprint,
        [property: JsonPropertyName("seed")] long Seed,
        [property: JsonPropertyName("runs")] long Runs,
        [property: JsonPropertyName("runs_done")] long RunsDone,
        [property: JsonPropertyName("end_block")] long EndBlock,
        [property: JsonPropertyName("state_file")] string StateFile);

    /// <summary>What a checkpoint's state file is bound to (<see cref="SummaryStateFormat.Write"/>).</summary>
    public static string Binding(string fingerprint, long seed, long runs) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"checkpoint|{fingerprint}|{seed}|{runs}");

    /// <summary>
    /// Saves <paramref name="state"/> as the folder's current checkpoint: always into a new state file, published by
    /// renaming the manifest over the old one, so that a kill or a full disk at any moment leaves the last good
    /// checkpoint whole. A save that fails removes its own partial file and leaves the previous checkpoint current.
    /// </summary>
    public static void Save(string folder, SummaryState state, string scenario, string fingerprint, long seed, long runs, string engineVersion)
    {
        Directory.CreateDirectory(folder);
        string stateFile = $"state-{state.EndBlock:D10}-{Guid.NewGuid():N}.bin";
        string statePath = Path.Combine(folder, stateFile);
        string temporary = Path.Combine(folder, $".{ManifestFile}.{Guid.NewGuid():N}");
        try
        {
            SummaryStateFormat.Write(state, statePath, Binding(fingerprint, seed, runs));
            var manifest = new Manifest("laborsim-checkpoint", 1, engineVersion, scenario, fingerprint, seed, runs, state.Runs, state.EndBlock, stateFile);
            File.WriteAllText(temporary, JsonSerializer.Serialize(manifest, Options) + "\n");
            DurableFiles.FlushFile(temporary);
            File.Move(temporary, Path.Combine(folder, ManifestFile), overwrite: true);
            DurableFiles.FlushDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(statePath);
            TryDelete(temporary);
            double megabytes = SummaryStateFormat.SizeOf(state) / 1048576.0;
            throw new IOException($"could not save the checkpoint in {folder} ({exception.Message}); it needs {megabytes:0.0} MiB free (more as the run goes on); "
                + "the previous checkpoint, if any, is still there and resumable", exception);
        }
        foreach (string old in Directory.GetFiles(folder, "state-*.bin"))
        {
            if (Path.GetFileName(old) != stateFile)
            {
                TryDelete(old);
            }
        }
    }

    /// <summary>
    /// Holds <paramref name="folder"/> for this process until disposed: a second run on the same checkpoint folder is
    /// refused instead of mixing its saves with this one's.
    /// </summary>
    public static IDisposable Lock(string folder)
    {
        Directory.CreateDirectory(folder);
        try
        {
            var handle = new FileStream(Path.Combine(folder, "checkpoint.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return handle;
        }
        catch (IOException)
        {
            throw new ShardFormatException($"{folder}: another laborsim is using this checkpoint folder; wait for it to end, or give another --checkpoint");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the manifest never names a file that was not completely written.
        }
    }

    /// <summary>True when <paramref name="folder"/> holds a checkpoint.</summary>
    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, ManifestFile));

    /// <summary>Loads the current checkpoint; throws <see cref="ShardFormatException"/> when missing, corrupt or from another run.</summary>
    public static (Manifest Manifest, SummaryState State) Load(string folder, string fingerprint, string engineVersion)
    {
        string path = Path.Combine(folder, ManifestFile);
        if (!File.Exists(path))
        {
            throw new ShardFormatException($"{folder}: no checkpoint here (no {ManifestFile}); checkpoints are written by 'laborsim run ... --checkpoint {folder}'");
        }
        Manifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(ShardManifest.ReadSmall(path), Options) ?? throw new ShardFormatException($"{path}: empty");
        }
        catch (JsonException exception)
        {
            string field = exception.Path is { Length: > 2 } at ? $" at '{at[2..]}'" : "";
            throw new ShardFormatException($"{path}: corrupt{field} (a missing or mistyped value); start the run again rather than editing checkpoint.json");
        }
        if (manifest.Format != "laborsim-checkpoint" || manifest.Version != 1)
        {
            throw new ShardFormatException($"{path}: not a laborsim checkpoint of format version 1");
        }
        if (manifest.Fingerprint != fingerprint)
        {
            throw new ShardFormatException($"{folder}: the checkpoint is from another scenario or other options ({manifest.Scenario}, seed {manifest.Seed}, {manifest.Runs} runs); resume with the command that wrote it");
        }
        if (manifest.EngineVersion != engineVersion)
        {
            throw new ShardFormatException($"{folder}: the checkpoint was written by laborsim {manifest.EngineVersion}, this is {engineVersion}");
        }
        if (!ShardManifest.IsPlainFileName(manifest.StateFile) || manifest.Runs < 1 || manifest.RunsDone < 0 || manifest.EndBlock < 0)
        {
            throw new ShardFormatException($"{path}: impossible values (state_file '{manifest.StateFile}', runs {manifest.Runs}, runs_done {manifest.RunsDone}, end_block {manifest.EndBlock}); this checkpoint.json was changed by hand: start the run again");
        }
        var state = SummaryStateFormat.Read(Path.Combine(folder, manifest.StateFile), Binding(manifest.Fingerprint, manifest.Seed, manifest.Runs));
        if (state.FirstBlock != 0 || state.EndBlock != manifest.EndBlock || state.Runs != manifest.RunsDone)
        {
            throw new ShardFormatException($"{folder}: the state file does not match checkpoint.json");
        }
        return (manifest, state);
    }
}
