using Parquet;
using Parquet.Schema;
using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;

namespace Simulation.IO.Analysis;

/// <summary>
/// Writes futures.parquet: the table of futures.csv with typed columns for pandas, R (arrow) and DuckDB: <c>run</c>
/// a 64-bit integer, inputs and measures doubles, each policy's <c>trigger_month</c> a 32-bit integer (null where its
/// signpost did not fire), <c>satisficed</c> a boolean.
/// </summary>
public static class FuturesParquetWriter
{
    /// <summary>The file it writes in an output folder.</summary>
    public const string FileName = "futures.parquet";

    /// <summary>Writes <paramref name="table"/> to <paramref name="stream"/>.</summary>
    public static void Write(FuturesTable table, bool satisficing, Stream stream) => WriteAsync(table, satisficing, stream).GetAwaiter().GetResult();

    private static async Task WriteAsync(FuturesTable table, bool satisficing, Stream stream)
    {
        int n = table.Runs, inputs = table.InputNames.Count, p = table.Policies.Count, m = table.Measures.Count;
        var run = new DataField<long>("run");
        var inputFields = table.InputNames.Select(name => new DataField<double>(name)).ToList();
        var measureFields = table.Policies.SelectMany(policy => table.Measures.Select(measure => new DataField<double>($"{policy}:{measure.Name}"))).ToList();
        var triggerFields = table.Policies.Select(policy => new DataField<int?>($"{policy}:{OutputCatalogue.Of(Metric.TriggerMonth).Name}")).ToList();
        var satisfiedFields = satisficing ? table.Policies.Select(policy => new DataField<bool>($"{policy}:satisficed")).ToList() : [];
        var fields = new List<DataField> { run };
        fields.AddRange(inputFields);
        fields.AddRange(measureFields);
        fields.AddRange(triggerFields);
        fields.AddRange(satisfiedFields);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(run, new ReadOnlyMemory<long>([.. Enumerable.Range(0, n).Select(f => table.FirstRun + f)]));
        for (int i = 0; i < inputs; i++)
        {
            await group.WriteAsync(inputFields[i], new ReadOnlyMemory<double>([.. Enumerable.Range(0, n).Select(f => table.Inputs[f * inputs + i])]));
        }
        for (int k = 0; k < p * m; k++)
        {
            await group.WriteAsync(measureFields[k], new ReadOnlyMemory<double>([.. Enumerable.Range(0, n).Select(f => table.Values[f * p * m + k])]));
        }
        for (int k = 0; k < p; k++)
        {
            await group.WriteAsync(triggerFields[k], new ReadOnlyMemory<int?>([.. Enumerable.Range(0, n).Select(f => double.IsNaN(table.TriggerMonths[f * p + k]) ? null : (int?)table.TriggerMonths[f * p + k])]));
        }
        for (int k = 0; k < satisfiedFields.Count; k++)
        {
            await group.WriteAsync(satisfiedFields[k], new ReadOnlyMemory<bool>([.. Enumerable.Range(0, n).Select(f => table.Satisfied[f * p + k])]));
        }
    }
}
