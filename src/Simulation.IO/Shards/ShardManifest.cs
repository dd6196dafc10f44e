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
    public void Write(string path) => File.WriteAllText(path, ToJson());

    /// <summary>The manifest's text as written in shard.json.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>The manifest's file in a shard folder.</summary>
    public const string FileName = "shard.json";

    /// <summary>Reads a manifest; throws <see cref="ShardFormatException"/> when it is missing or not one.</summary>
    public static ShardManifest Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ShardFormatException($"{Path.GetDirectoryName(path)}: not a shard folder (no shard.json); shards are written by 'laborsim run --shard I/N'");
        }
        try
        {
            var manifest = JsonSerializer.Deserialize<ShardManifest>(ReadSmall(path), Options)
                ?? throw new ShardFormatException($"{path}: empty");
            if (manifest.Format != FormatName)
            {
                throw new ShardFormatException($"{path}: not a laborsim shard (format '{manifest.Format}')");
            }
            if (manifest.Version != FormatVersion)
            {
                throw new ShardFormatException($"{path}: shard format version {manifest.Version}; this laborsim reads version {FormatVersion}");
            }
            // Every field within what laborsim writes, before anything is allocated from them.
            string? wrong = manifest switch
            {
                // A JSON null deserialises to a null string: every text field is checked before it is used.
                { Scenario: null } => "scenario null (the scenario's name)",
                { EngineVersion: null } => "engine_version null",
                { Fingerprint: var f } when f is null || f.Length != 64 || !f.All(char.IsAsciiHexDigitLower) =>
                    $"fingerprint {(f is null ? "null" : $"'{(f.Length > 70 ? f[..70] + "..." : f)}'")} (64 hexadecimal digits, as laborsim writes)",
                { StateFile: null } => "state_file null (a file name inside the shard folder, such as state.bin)",
                { ShardCount: < 1 or > MaxShards } => $"shard_count {manifest.ShardCount} (1 to {MaxShards:N0})",
                { ShardIndex: var i, ShardCount: var n } when i < 0 || i >= n => $"shard_index {i} (0 to {n - 1})",
                { Runs: < 1 or > 1_000_000_000 } => $"runs {manifest.Runs}",
                { Months: < 1 or > 1200 } => $"months {manifest.Months} (1 to 1200)",
                { FirstBlock: < 0 } or { EndBlock: < 0 } => $"first_block {manifest.FirstBlock} / end_block {manifest.EndBlock}",
                { ElapsedSeconds: var e } when !double.IsFinite(e) || e < 0 || e > 1e9 => $"elapsed_seconds {manifest.ElapsedSeconds}",
                _ when !IsPlainFileName(manifest.StateFile) => $"state_file '{manifest.StateFile}' (a file name inside the shard folder, such as state.bin)",
                _ => null,
            };
            if (wrong is not null)
            {
                throw new ShardFormatException($"{path}: impossible {wrong}; this shard.json was changed by hand: run the shard again");
            }
            return manifest;
        }
        catch (JsonException exception)
        {
            string field = exception.Path is { Length: > 2 } at ? $" at '{at[2..]}'" : "";
            throw new ShardFormatException($"{path}: corrupt{field} (a missing, mistyped or out-of-range value); run the shard again rather than editing shard.json");
        }
    }

    /// <summary>A manifest's text, read with a 1 MiB limit whatever the file is (a link to /dev/zero, a pipe).</summary>
    internal static string ReadSmall(string path)
    {
        var problems = new Scenarios.ProblemList();
        return Text.TextFileReader.Read(path, 1 << 20, problems, "a manifest")
            ?? throw new ShardFormatException(problems.Items[0].ToString());
    }

    /// <summary>True for a bare file name: no folder, no "." or "..", nothing that could point outside the folder.</summary>
    public static bool IsPlainFileName(string name) =>
        name.Length is > 0 and <= 255 && name is not ("." or "..") && name.IndexOfAny(['/', '\\', '\0']) < 0 && !name.Any(char.IsControl);

    /// <summary>What the shard's state file is bound to (<see cref="SummaryStateFormat.Write"/>).</summary>
    public string Binding => string.Create(CultureInfo.InvariantCulture,
        $"shard|{Fingerprint}|{Seed}|{Runs}|{Months}|{ShardIndex}|{ShardCount}|{FirstBlock}|{EndBlock}");

    /// <summary>The largest number of shards (as laborsim run --shard accepts).</summary>
    public const int MaxShards = 100_000;

    /// <summary>"shard 3 of 8".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"shard {ShardIndex} of {ShardCount}");
}
