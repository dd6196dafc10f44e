using System.Globalization;
using DuckDB.NET.Data;
using Simulation.Core.Decisions;
using Simulation.Core.Requests;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Analysis;

/// <summary>
/// futures.csv reads back bit for bit (merge depends on it), and futures.parquet read by an independent reader
/// (DuckDB) holds the same table with typed columns: trigger months integers with nulls, satisficed booleans.
/// </summary>
public sealed class FuturesTableFileTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-futures").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private static FuturesTable Futures()
    {
        var scenario = TestScenarios.Shipped("policies-2027", ("runs", "600"), ("months", "72"));
        var problems = new ProblemList();
        var request = new RobustRequest(scenario, Measure.Defaults) { Satisfice = ConditionParser.Parse("remittances_usd < 6e8", "test", problems) };
        Assert.Empty(problems.Items);
        return request.Futures(2, null, CancellationToken.None);
    }

    [Fact]
    public void FuturesCsv_ReadBack_IsTheSameTableBitForBit()
    {
        var table = Futures();
        string path = Path.Combine(_work, "futures.csv");
        using (var writer = new StreamWriter(path))
        {
            RobustWriter.WriteFuturesCsv(table, true, writer);
        }
        var read = FuturesCsvReader.Read(path, table.InputNames, table.Policies, table.Measures, true, table.FirstRun, table.FirstRun + table.Runs);
        Assert.Equal(table.Inputs, read.Inputs);
        Assert.Equal(table.Values, read.Values);
        Assert.Equal(table.TriggerMonths, read.TriggerMonths);
        Assert.Equal(table.Satisfied, read.Satisfied);
        // The adaptive policy fires in some futures and not in others: both kinds of trigger month went through.
        Assert.Contains(table.TriggerMonths, double.IsNaN);
        Assert.Contains(table.TriggerMonths, m => !double.IsNaN(m));
    }

    [Fact]
    public void FuturesParquet_ReadByDuckDb_MatchesTheCsv()
    {
        var table = Futures();
        string parquet = Path.Combine(_work, "futures.parquet");
        using (var stream = File.Create(parquet))
        {
            FuturesParquetWriter.Write(table, true, stream);
        }
        var csv = new StringWriter();
        RobustWriter.WriteFuturesCsv(table, true, csv);
        string[] lines = csv.ToString().TrimEnd('\n').Split('\n');
        string[] header = lines[0].Split(',');

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var describe = connection.CreateCommand())
        {
            describe.CommandText = $"DESCRIBE SELECT * FROM read_parquet('{parquet}')";
            using var reader = describe.ExecuteReader();
            var types = new Dictionary<string, string>();
            while (reader.Read())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
            Assert.Equal(header, types.Keys);
            Assert.Equal("BIGINT", types["run"]);
            Assert.Equal("DOUBLE", types["status-quo:remittances_usd"]);
            Assert.Equal("INTEGER", types["deport-on-evidence:trigger_month"]);
            Assert.Equal("BOOLEAN", types["combined:satisficed"]);
        }
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT * FROM read_parquet('{parquet}') ORDER BY run";
        using var rows = query.ExecuteReader();
        int row = 0;
        while (rows.Read())
        {
            string[] expected = lines[row + 1].Split(',');
            for (int c = 0; c < header.Length; c++)
            {
                if (expected[c].Length == 0)
                {
                    Assert.True(rows.IsDBNull(c), $"row {row}, {header[c]}: a signpost that never held must be null");
                    continue;
                }
                object value = rows.GetValue(c);
                if (value is bool satisfied)
                {
                    Assert.Equal(expected[c] == "1", satisfied);
                    continue;
                }
                Assert.Equal(double.Parse(expected[c], CultureInfo.InvariantCulture), Convert.ToDouble(value, CultureInfo.InvariantCulture));
            }
            row++;
        }
        Assert.Equal(table.Runs, row);
    }
}
