using System.Security.Cryptography;
using System.Text;
using Simulation.Core.Catalogue;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Summaries;

namespace Simulation.IO.Shards;

/// <summary>
/// The binary file state.bin holding a <see cref="SummaryState"/>, version 3. Little-endian throughout:
/// <code>
/// "LABORSIM-STATE\0\0"  16 bytes
/// u32 version (3) ; 32 bytes: SHA-256 of the binding (what the state was written for: scenario fingerprint, seed, runs, shard or checkpoint) ; i32 months ; i64 first block ; i64 end block ; i64 runs ; i32 cells (<see cref="SummaryLayout"/>:
/// S series x months + M metrics x (1 + conditions) + calendar years)
/// i32 node count, then per node: i32 level ; i64 index ; per cell: i64 count, f64 mean, f64 sum of squared deviations, f64 min, f64 max
/// per cell sketch: i64 zero count ; i32 first positive key ; i32 n ; n x i64 ; i32 first negative key ; i32 m ; m x i64
/// 32 bytes: SHA-256 of everything before
/// </code>
/// Doubles are stored bit for bit, so a saved state merges to exactly the same result as the one in memory.
/// </summary>
public static class SummaryStateFormat
{
    /// <summary>The format version written and the only one read.</summary>
    public const int Version = 3;

    /// <summary>The largest state file read: far above any real one (about 3 MB for the baseline), far below memory.</summary>
    public const long MaxFileBytes = 1L << 30;

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("LABORSIM-STATE\0\0");

    /// <summary>
    /// Writes <paramref name="state"/> to <paramref name="path"/>, bound to <paramref name="binding"/> (what it was written
    /// for), so that a state file copied into another shard's or checkpoint's folder is refused, not merged.
    /// </summary>
    public static void Write(SummaryState state, string path, string binding)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(state, file, binding);
        file.Flush(flushToDisk: true);
    }

    /// <summary>Writes <paramref name="state"/> and its checksum to <paramref name="stream"/>.</summary>
    public static void Write(SummaryState state, Stream stream, string binding)
    {
        byte[] body = Body(state, binding);
        stream.Write(body);
        stream.Write(SHA256.HashData(body));
    }

    /// <summary>The size in bytes of <paramref name="state"/>'s file.</summary>
    public static long SizeOf(SummaryState state) => Body(state, "").Length + 32L;

    private static byte[] Body(SummaryState state, string binding)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write((uint)Version);
            writer.Write(SHA256.HashData(Encoding.UTF8.GetBytes(binding)));
            writer.Write(state.Months);
            writer.Write(state.FirstBlock);
            writer.Write(state.EndBlock);
            writer.Write(state.Runs);
            writer.Write(state.Sketches.Count);
            writer.Write(state.Nodes.Count);
            foreach (var node in state.Nodes)
            {
                writer.Write(node.Level);
                writer.Write(node.Index);
                foreach (var cell in node.Cells)
                {
                    writer.Write(cell.Count);
                    writer.Write(cell.Mean);
                    writer.Write(cell.SumSquaredDeviations);
                    writer.Write(cell.Min);
                    writer.Write(cell.Max);
                }
            }
            foreach (var sketch in state.Sketches)
            {
                writer.Write(sketch.ZeroCount);
                WriteCounts(writer, sketch.PositiveFirstKey, sketch.PositiveCounts);
                WriteCounts(writer, sketch.NegativeFirstKey, sketch.NegativeCounts);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Reads a state written by <see cref="Write"/>; throws <see cref="ShardFormatException"/> on anything wrong.</summary>
    public static SummaryState Read(string path, string binding)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                throw new ShardFormatException($"{path}: is a link, not a state file laborsim wrote; run this shard again");
            }
            if (Text.InputFile.Refusal(path, "a state file") is { } refusal)
            {
                throw new ShardFormatException($"{path}: {refusal}; run this shard again");
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxFileBytes)
                {
                    throw new ShardFormatException($"{path}: larger than {MaxFileBytes >> 20:N0} MiB, not a state file laborsim wrote");
                }
            }
            bytes = buffer.ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ShardFormatException($"{path}: cannot be read: {exception.Message}");
        }
        if (bytes.Length < Magic.Length + 4 + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ShardFormatException($"{path}: not a laborsim state file");
        }
        var body = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
        {
            throw new ShardFormatException($"{path}: corrupt (its checksum does not match); run this shard again");
        }
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 32));
            reader.ReadBytes(Magic.Length);
            uint version = reader.ReadUInt32();
            if (version != Version)
            {
                throw new ShardFormatException($"{path}: format version {version}; this laborsim reads version {Version}");
            }
            if (!reader.ReadBytes(32).AsSpan().SequenceEqual(SHA256.HashData(Encoding.UTF8.GetBytes(binding))))
            {
                throw new ShardFormatException($"{path}: was written for another run (another scenario, seed, number of runs, shard or checkpoint) than the manifest beside it; run it again");
            }
            int months = reader.ReadInt32();
            long firstBlock = reader.ReadInt64();
            long endBlock = reader.ReadInt64();
            long runs = reader.ReadInt64();
            int cells = reader.ReadInt32();
            if (months < 1 || months > 1200 || !PlausibleCells(cells, months) || firstBlock < 0 || endBlock < firstBlock || runs < 0)
            {
                throw new ShardFormatException($"{path}: inconsistent header");
            }
            int nodeCount = reader.ReadInt32();
            if (nodeCount < 0 || nodeCount > 2 * 64)
            {
                throw new ShardFormatException($"{path}: inconsistent header");
            }
            var nodes = new List<MomentNode>(nodeCount);
            for (int n = 0; n < nodeCount; n++)
            {
                int level = reader.ReadInt32();
                long index = reader.ReadInt64();
                if (level < 0 || level > 62 || index < 0)
                {
                    throw new ShardFormatException($"{path}: inconsistent moment node");
                }
                var values = new MomentSummary[cells];
                for (int c = 0; c < cells; c++)
                {
                    values[c] = new MomentSummary(reader.ReadInt64(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
                }
                nodes.Add(new MomentNode(level, index, values));
            }
            var sketches = new SketchData[cells];
            for (int c = 0; c < cells; c++)
            {
                long zeros = reader.ReadInt64();
                var (positiveFirst, positive) = ReadCounts(reader, path);
                var (negativeFirst, negative) = ReadCounts(reader, path);
                sketches[c] = new SketchData(zeros, positiveFirst, positive, negativeFirst, negative);
            }
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new ShardFormatException($"{path}: unexpected bytes after the state");
            }
            return new SummaryState(months, firstBlock, endBlock, runs, nodes, sketches);
        }
        catch (EndOfStreamException)
        {
            throw new ShardFormatException($"{path}: truncated");
        }
    }

    private static void WriteCounts(BinaryWriter writer, int firstKey, long[] counts)
    {
        writer.Write(firstKey);
        writer.Write(counts.Length);
        foreach (long count in counts)
        {
            writer.Write(count);
        }
    }

    private static (int, long[]) ReadCounts(BinaryReader reader, string path)
    {
        int firstKey = reader.ReadInt32();
        int length = reader.ReadInt32();
        if (length < 0 || length > 1 << 20)
        {
            throw new ShardFormatException($"{path}: inconsistent sketch");
        }
        var counts = new long[length];
        for (int i = 0; i < length; i++)
        {
            counts[i] = reader.ReadInt64();
        }
        return (firstKey, counts);
    }

    // The header does not hold the start month, so the exact count is checked against the scenario on merging;
    // here the cells must at least be some allowed series count's months, the metric blocks and the calendar years
    // a horizon of this length can touch.
    private static bool PlausibleCells(int cells, int months)
    {
        int rest = cells - OutputCatalogue.MetricCount * (1 + SummaryLayout.Conditions.Count);
        for (int series = OutputCatalogue.SeriesCount; series <= OutputCatalogue.SeriesCount + 2 * ParameterCatalogue.MaxChannels; series++)
        {
            long years = rest - (long)series * months;
            if (years >= (months + 11) / 12 && years <= (months - 1) / 12 + 2)
            {
                return true;
            }
        }
        return false;
    }
}
