using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulation.IO.Shards;

/// <summary>
/// robust-shard.json: what one shard of <c>laborsim robust --shard I/N</c> ran (its futures, the measures and the
/// failure question), so that <c>laborsim merge</c> can check the shards belong together and judge the policies on
/// their joined futures exactly as one run would.
/// </summary>
public sealed record RobustShardManifest
{
    /// <summary>The format's name.</summary>
    public const string FormatName = "laborsim-robust-shard";

    /// <summary>The manifest's file in a shard folder.</summary>
    public const string FileName = "robust-shard.json";

    /// <summary>The futures' file in a shard folder.</summary>
    public const string FuturesFile = "futures.csv";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    [JsonPropertyName("format")] public string Format { get; init; } = FormatName;
    [JsonPropertyName("format_version")] public int Version { get; init; } = 1;
    [JsonPropertyName("engine_version")] public string EngineVersion { get; init; } = "";
    [JsonPropertyName("scenario")] public string Scenario { get; init; } = "";
    [JsonPropertyName("fingerprint")] public string Fingerprint { get; init; } = "";
    [JsonPropertyName("seed")] public long Seed { get; init; }
    [JsonPropertyName("runs")] public long Runs { get; init; }
    [JsonPropertyName("shard_index")] public int ShardIndex { get; init; }
    [JsonPropertyName("shard_count")] public int ShardCount { get; init; }
    [JsonPropertyName("first_run")] public long FirstRun { get; init; }
    [JsonPropertyName("end_run")] public long EndRun { get; init; }
    [JsonPropertyName("measures")] public IReadOnlyList<string> Measures { get; init; } = [];
    [JsonPropertyName("satisfice")] public string? Satisfice { get; init; }
    [JsonPropertyName("regret")] public double? Regret { get; init; }
    [JsonPropertyName("hurwicz")] public double Hurwicz { get; init; }
    [JsonPropertyName("elapsed_seconds")] public double ElapsedSeconds { get; init; }

    /// <summary>The manifest's text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>True when <paramref name="folder"/> holds a robust shard.</summary>
    public static bool In(string folder) => File.Exists(Path.Combine(folder, FileName));

    /// <summary>Reads a manifest; throws <see cref="ShardFormatException"/> when it is not one this laborsim wrote.</summary>
    public static RobustShardManifest Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        try
        {
            var manifest = JsonSerializer.Deserialize<RobustShardManifest>(ShardManifest.ReadSmall(path), Options)
                ?? throw new ShardFormatException($"{path}: empty");
            string? wrong = manifest switch
            {
                { Format: not FormatName } => $"format '{manifest.Format}' (not a robust shard)",
                { Version: not 1 } => $"format version {manifest.Version} (this laborsim reads 1)",
                { ShardCount: < 1 or > ShardManifest.MaxShards } => $"shard_count {manifest.ShardCount}",
                { ShardIndex: var i, ShardCount: var n } when i < 0 || i >= n => $"shard_index {i}",
                { Runs: < 1 or > 1_000_000_000 } => $"runs {manifest.Runs}",
                { FirstRun: var a, EndRun: var b, Runs: var r } when a < 0 || b < a || b > r => $"runs {a} to {b}",
                { Measures.Count: 0 } => "no measures",
                _ => null,
            };
            return wrong is null ? manifest : throw new ShardFormatException($"{path}: impossible {wrong}; run the shard again rather than editing it");
        }
        catch (JsonException)
        {
            throw new ShardFormatException($"{path}: corrupt; run the shard again rather than editing it");
        }
    }
}
