using Parquet;
using Parquet.Schema;
using Simulation.Core.Calibration;

namespace Simulation.IO.Calibration;

/// <summary>posterior.parquet: the columns of posterior.csv, typed (particle BIGINT, the rest DOUBLE), for pandas, R and DuckDB.</summary>
public static class PosteriorParquetWriter
{
    /// <summary>The file it writes in an output folder.</summary>
    public const string FileName = "posterior.parquet";

    /// <summary>Writes the particles of <paramref name="result"/>, whose columns are <paramref name="keyPaths"/>.</summary>
    public static void Write(AbcResult result, IReadOnlyList<string> keyPaths, Stream stream) => WriteAsync(result, keyPaths, stream).GetAwaiter().GetResult();

    private static async Task WriteAsync(AbcResult result, IReadOnlyList<string> keyPaths, Stream stream)
    {
        var fields = new List<DataField> { new DataField<long>("particle"), new DataField<double>("weight"), new DataField<double>("distance") };
        fields.AddRange(keyPaths.Select(key => (DataField)new DataField<double>(key)));
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        var particles = new long[result.Count];
        for (int i = 0; i < particles.Length; i++)
        {
            particles[i] = i;
        }
        await group.WriteAsync(fields[0], new ReadOnlyMemory<long>(particles));
        await group.WriteAsync(fields[1], new ReadOnlyMemory<double>(result.Weights));
        await group.WriteAsync(fields[2], new ReadOnlyMemory<double>(result.Distances));
        for (int j = 0; j < keyPaths.Count; j++)
        {
            await group.WriteAsync(fields[3 + j], new ReadOnlyMemory<double>(result.Column(j)));
        }
    }
}
