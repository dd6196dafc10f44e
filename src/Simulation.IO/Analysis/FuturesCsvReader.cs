using System.Globalization;
using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;
using Simulation.IO.Shards;

namespace Simulation.IO.Analysis;

/// <summary>Reads a robust shard's futures.csv back, exactly as <see cref="RobustWriter.WriteFuturesCsv"/> wrote it.</summary>
public static class FuturesCsvReader
{
    /// <summary>Largest futures file read (a shard of a few million futures).</summary>
    public const long MaxFileBytes = 4L << 30;

    /// <summary>
    /// The futures of runs <paramref name="firstRun"/> to <paramref name="endRun"/> - 1 in <paramref name="path"/>, with
    /// the columns of <paramref name="inputNames"/>, <paramref name="policies"/> and <paramref name="measures"/>; throws
    /// <see cref="ShardFormatException"/> naming the line of anything else.
    /// </summary>
    public static FuturesTable Read(string path, IReadOnlyList<string> inputNames, IReadOnlyList<string> policies, IReadOnlyList<Measure> measures,
        bool satisficing, long firstRun, long endRun)
    {
        var table = new FuturesTable(inputNames, policies, measures, firstRun, checked((int)(endRun - firstRun)));
        var expected = new List<string> { "run" };
        expected.AddRange(inputNames);
        foreach (string policy in policies)
        {
            expected.AddRange(measures.Select(m => $"{policy}:{m.Name}"));
        }
        expected.AddRange(policies.Select(p => $"{p}:{OutputCatalogue.Of(Metric.TriggerMonth).Name}"));
        if (satisficing)
        {
            expected.AddRange(policies.Select(p => $"{p}:satisficed"));
        }
        if (Text.InputFile.Refusal(path, "a shard's futures file") is { } refusal)
        {
            throw new ShardFormatException($"{path}: {refusal}; run the shard again");
        }
        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new ShardFormatException($"{path}: missing or larger than a shard's futures can be; run the shard again");
        }
        using var reader = new StreamReader(path);
        string? header = reader.ReadLine();
        if (header != string.Join(',', expected))
        {
            throw new ShardFormatException($"{path}:1: the columns are not those of this scenario's policies and measures; run the shard again with the same scenario and options");
        }
        int inputs = inputNames.Count, p = policies.Count, m = measures.Count;
        for (int f = 0; f < table.Runs; f++)
        {
            string? line = reader.ReadLine();
            var cells = line?.Split(',');
            if (cells is null || cells.Length != expected.Count || cells[0] != (firstRun + f).ToString(CultureInfo.InvariantCulture))
            {
                throw new ShardFormatException($"{path}:{f + 2}: expected future {firstRun + f} with {expected.Count} values; run the shard again");
            }
            int c = 1;
            for (int i = 0; i < inputs; i++)
            {
                table.Inputs[f * inputs + i] = Number(cells[c++], path, f);
            }
            for (int k = 0; k < p * m; k++)
            {
                table.Values[f * p * m + k] = Number(cells[c++], path, f);
            }
            for (int k = 0; k < p; k++)
            {
                table.TriggerMonths[f * p + k] = Number(cells[c++], path, f);
            }
            for (int k = 0; satisficing && k < p; k++)
            {
                table.Satisfied[f * p + k] = cells[c++] == "1";
            }
        }
        if (reader.ReadLine() is { Length: > 0 })
        {
            throw new ShardFormatException($"{path}: holds more futures than its shard ran; run the shard again");
        }
        return table;
    }

    private static double Number(string cell, string path, int future) =>
        cell.Length == 0 ? double.NaN
        : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value
        : throw new ShardFormatException($"{path}:{future + 2}: '{cell}' is not a number; run the shard again");
}
