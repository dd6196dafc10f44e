using System.Globalization;
using DuckDB.NET.Data;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;
using Simulation.Testing;

namespace Simulation.IO.Tests.Output;

/// <summary>runs.parquet read back by an independent reader (DuckDB, as pandas and R users would) agrees with runs.csv.</summary>
public sealed class ParquetTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-parquet").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    [Fact]
    public void RunsParquet_ReadByDuckDb_MatchesTheCsvWithTypedColumnsAndNulls()
    {
        var result = MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "3000"), ("months", "36")), new RunnerOptions { SaveRuns = true, Threads = 2 });
        var table = result.RunTable!;
        string parquet = Path.Combine(_work, "runs.parquet");
        using (var stream = File.Create(parquet))
        {
            RunsParquetWriter.Write(table, stream);
        }
        var csv = new StringWriter();
        RunsCsvWriter.Write(table, csv);
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
            Assert.Equal("DOUBLE", types["ceasefire.month"]);
            Assert.Equal("BIGINT", types["peak_workers"]);
            Assert.Equal("DOUBLE", types["remittances_usd"]);
            Assert.Equal("INTEGER", types["ceasefire_month"]);
        }
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT * FROM read_parquet('{parquet}') ORDER BY run";
        using var rows = query.ExecuteReader();
        int row = 0;
        int nulls = 0;
        while (rows.Read())
        {
            string[] expected = lines[row + 1].Split(',');
            for (int c = 0; c < header.Length; c++)
            {
                if (expected[c].Length == 0)
                {
                    Assert.True(rows.IsDBNull(c), $"row {row}, {header[c]}: censored must be null");
                    nulls++;
                    continue;
                }
                double value = Convert.ToDouble(rows.GetValue(c), CultureInfo.InvariantCulture);
                Assert.Equal(double.Parse(expected[c], CultureInfo.InvariantCulture), value);
            }
            row++;
        }
        Assert.Equal(3000, row);
        Assert.True(nulls > 0, "some runs have no ceasefire or no enforcement: their months must be null");
    }
}
