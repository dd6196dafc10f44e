using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulation.IO.Shards;

/// <summary>
/// shard.json: what a shard folder holds (format "laborsim-shard", version 1): the scenario's fingerprint, seed,
/// runs and horizon, which shard of how many, its blocks, the engine version and the state file's name.
/// </summary>
public sealed record ShardManifest
{
    /// <summary>The format name.</summary>
    public const string FormatName = "laborsim-shard";

    /// <summary>The format version written and the only one read.</summary>
    public const int FormatVersion = 1;

    [JsonPropertyName("format")] public string Format { get; init; } = FormatName;
    [JsonPropertyName("format_version")] public int Version { get; init; } = FormatVersion;
    [JsonPropertyName("engine_version")] public string EngineVersion { get; init; } = "";
    [JsonPropertyName("scenario")] public string Scenario { get; init; } = "";
    [JsonPropertyName("fingerprint")] public string Fingerprint { get; init; } = "";
    [JsonPropertyName("seed")] public long Seed { get; init; }
    [JsonPropertyName("runs")] public long Runs { get; init; }
    [JsonPropertyName("months")] public int Months { get; init; }
    [JsonPropertyName("shard_index")] public int ShardIndex { get; init; }
    [JsonPropertyName("shard_count")] public int ShardCount { get; init; }
    [JsonPropertyName("first_block")] public long FirstBlock { get; init; }
    [JsonPropertyName("end_block")] public long EndBlock { get; init; }
    [JsonPropertyName("elapsed_seconds")] public double ElapsedSeconds { get; init; }
    [JsonPropertyName("state_file")] public string StateFile { get; init; } = "state.bin";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>Writes the manifest.</summary>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");

    /// <summary>Reads a manifest; throws <see cref="ShardFormatException"/> when it is missing or not one.</summary>
    public static ShardManifest Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ShardFormatException($"{Path.GetDirectoryName(path)}: not a shard folder (no shard.json); shards are written by 'laborsim run --shard I/N'");
        }
        try
        {
            var manifest = JsonSerializer.Deserialize<ShardManifest>(File.ReadAllText(path), Options)
                ?? throw new ShardFormatException($"{path}: empty");
            if (manifest.Format != FormatName)
            {
                throw new ShardFormatException($"{path}: not a laborsim shard (format '{manifest.Format}')");
            }
            if (manifest.Version != FormatVersion)
            {
                throw new ShardFormatException($"{path}: shard format version {manifest.Version}; this laborsim reads version {FormatVersion}");
            }
            return manifest;
        }
        catch (JsonException exception)
        {
            throw new ShardFormatException($"{path}: corrupt ({exception.Message.Split('.')[0]})");
        }
    }

    /// <summary>"shard 3 of 8".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"shard {ShardIndex} of {ShardCount}");
}
