using Parquet;
using Parquet.Schema;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.IO.Output;

/// <summary>
/// Writes runs.parquet: the table of runs.csv with typed columns, for pandas, R (arrow) and DuckDB. <c>run</c> and
/// whole-number metrics are 64-bit integers, inputs and money are doubles, month indices are 32-bit integers, and a
/// censored metric (its event never happened) is null.
/// </summary>
public static class RunsParquetWriter
{
    /// <summary>The file it writes in an output folder.</summary>
    public const string FileName = "runs.parquet";

    /// <summary>Rows per row group: about 100 MB of columns at most, whatever the run count.</summary>
    public const int RowGroupRuns = 1 << 20;

    /// <summary>Writes <paramref name="table"/> to <paramref name="stream"/>.</summary>
    public static void Write(RunTable table, Stream stream) => WriteAsync(table, stream).GetAwaiter().GetResult();

    private static async Task WriteAsync(RunTable table, Stream stream)
    {
        var fields = new List<DataField> { new DataField<long>("run") };
        fields.AddRange(table.InputNames.Select(name => (DataField)new DataField<double>(name)));
        for (int m = 0; m < OutputCatalogue.MetricCount; m++)
        {
            var definition = OutputCatalogue.Of((Metric)m);
            fields.Add(definition.Kind switch
            {
                OutputKind.Money => new DataField<double>(definition.Name),
                OutputKind.MonthIndex => new DataField<int?>(definition.Name),
                _ => new DataField<long>(definition.Name),
            });
        }
        // peak_workers@DESTINATION: a count of workers, as peak_workers.
        fields.AddRange(table.ExtraMetricNames.Select(name => (DataField)new DataField<long>(name)));
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        for (long first = 0; first < table.Runs; first += RowGroupRuns)
        {
            int rows = (int)Math.Min(RowGroupRuns, table.Runs - first);
            using var group = writer.CreateRowGroup();
            var runs = new long[rows];
            for (int r = 0; r < rows; r++)
            {
                runs[r] = first + r;
            }
            await group.WriteAsync(fields[0], new ReadOnlyMemory<long>(runs));
            for (int column = 0; column < table.Columns; column++)
            {
                var field = fields[column + 1];
                if (field.ClrType == typeof(double))
                {
                    await group.WriteAsync(field, new ReadOnlyMemory<double>(Column(table, first, rows, column, v => v)));
                }
                else if (field.ClrType == typeof(int))
                {
                    await group.WriteAsync(field, new ReadOnlyMemory<int?>(Column(table, first, rows, column, v => double.IsNaN(v) ? null : (int?)v)));
                }
                else
                {
                    await group.WriteAsync(field, new ReadOnlyMemory<long>(Column(table, first, rows, column, v => (long)v)));
                }
            }
        }
    }

    private static T[] Column<T>(RunTable table, long first, int rows, int column, Func<double, T> convert)
    {
        var values = new T[rows];
        for (int r = 0; r < rows; r++)
        {
            values[r] = convert(table.Row(first + r)[column]);
        }
        return values;
    }
}
