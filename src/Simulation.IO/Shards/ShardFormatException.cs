namespace Simulation.IO.Shards;

/// <summary>A shard or checkpoint folder that cannot be used: missing, foreign, corrupt or of another version.</summary>
public sealed class ShardFormatException(string message) : Exception(message);
