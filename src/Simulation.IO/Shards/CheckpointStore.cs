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

    /// <summary>Saves <paramref name="state"/> as the folder's current checkpoint.</summary>
    public static void Save(string folder, SummaryState state, string scenario, string fingerprint, long seed, long runs, string engineVersion)
    {
        Directory.CreateDirectory(folder);
        string stateFile = $"state-{state.EndBlock:D10}.bin";
        SummaryStateFormat.Write(state, Path.Combine(folder, stateFile));
        var manifest = new Manifest("laborsim-checkpoint", 1, engineVersion, scenario, fingerprint, seed, runs, state.Runs, state.EndBlock, stateFile);
        string temporary = Path.Combine(folder, $".{ManifestFile}.{Guid.NewGuid():N}");
        File.WriteAllText(temporary, JsonSerializer.Serialize(manifest, Options) + "\n");
        DurableFiles.FlushFile(temporary);
        File.Move(temporary, Path.Combine(folder, ManifestFile), overwrite: true);
        DurableFiles.FlushDirectory(folder);
        foreach (string old in Directory.GetFiles(folder, "state-*.bin"))
        {
            if (Path.GetFileName(old) != stateFile)
            {
                File.Delete(old);
            }
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
            manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), Options) ?? throw new ShardFormatException($"{path}: empty");
        }
        catch (JsonException exception)
        {
            throw new ShardFormatException($"{path}: corrupt ({exception.Message.Split('.')[0]})");
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
        var state = SummaryStateFormat.Read(Path.Combine(folder, manifest.StateFile));
        if (state.FirstBlock != 0 || state.EndBlock != manifest.EndBlock || state.Runs != manifest.RunsDone)
        {
            throw new ShardFormatException($"{folder}: the state file does not match checkpoint.json");
        }
        return (manifest, state);
    }
}
