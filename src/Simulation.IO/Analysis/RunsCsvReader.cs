using System.Globalization;
using Simulation.Core.Catalogue;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Scenarios;
using Simulation.IO.Text;
using Simulation.IO.Yaml;

namespace Simulation.IO.Analysis;

/// <summary>Reads runs.csv back (as <see cref="Output.RunsCsvWriter"/> writes it): run, the inputs, then every metric in catalogue order.</summary>
public static class RunsCsvReader
{
    /// <summary>
    /// The table in <paramref name="path"/>; null with problems (file:line:column) if it is not a runs.csv of this
    /// laborsim, or if its table would need more than <paramref name="memoryBytes"/> (checked before it is built).
    /// </summary>
    public static RunTable? Read(string path, ProblemList problems, long memoryBytes = long.MaxValue)
    {
        if (InputFile.Refusal(path, "a runs.csv") is { } refusal)
        {
            problems.Add(new SourcePosition(path, 0, 0), "", File.Exists(path) || Directory.Exists(path) ? refusal
                : "does not exist; write it with 'laborsim run SCENARIO.yaml --save-runs'");
            return null;
        }
        // Two passes, so that memory holds the table and never the file's text: count the rows, check the table
        // fits, then parse each line as it is read.
        long rows = -1;
        string? headerLine = null;
        foreach (string line in Lines(path))
        {
            headerLine ??= line;
            rows++;
        }
        if (headerLine is null || rows < 1)
        {
            problems.Add(new SourcePosition(path, 1, 1), "", "holds no runs");
            return null;
        }
        string[] header = headerLine.Split(',');
        int metrics = OutputCatalogue.MetricCount;
        // With destinations, peak_workers@DESTINATION columns follow the catalogue's metrics.
        int extras = 0;
        while (extras < header.Length && header[^(extras + 1)].StartsWith("peak_workers@", StringComparison.Ordinal))
        {
            extras++;
        }
        int inputs = header.Length - 1 - metrics - extras;
        bool shaped = header[0] == "run" && inputs >= 0;
        for (int m = 0; shaped && m < metrics; m++)
        {
            shaped = header[1 + inputs + m] == OutputCatalogue.MetricNames[m];
        }
        if (!shaped)
        {
            problems.Add(new SourcePosition(path, 1, 1), "",
                $"is not a runs.csv of this laborsim: its header must be run, the inputs, then {string.Join(",", OutputCatalogue.MetricNames)}; write it again with 'laborsim run --save-runs'");
            return null;
        }
        long columns = header.Length - 1;
        long bytes = rows * columns * sizeof(double);
        if (bytes > memoryBytes || rows * columns > int.MaxValue)
        {
            problems.Add(new SourcePosition(path, 1, 1), "",
                $"holds {rows:N0} runs x {columns} columns: {bytes >> 20:N0} MiB in memory, more than the {Math.Min(memoryBytes, (long)int.MaxValue * sizeof(double)) >> 20:N0} MiB here; "
                + "discover on fewer runs (laborsim run --save-runs with fewer --runs, or laborsim discover SCENARIO.yaml --runs N)");
            return null;
        }
        var table = RunTable.Empty(header[1..(1 + inputs)], rows, header[(header.Length - extras)..]);
        int lineNumber = 0;
        long row = -1;
        foreach (string line in Lines(path, numbered: n => lineNumber = n))
        {
            if (row++ < 0)
            {
                continue;
            }
            if (row > rows)
            {
                problems.Add(new SourcePosition(path, lineNumber, 1), "", "the file grew while it was read; read it again when nothing writes to it");
                return null;
            }
            string[] fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                problems.Add(new SourcePosition(path, lineNumber, 1), "", $"{fields.Length} fields where the header has {header.Length}");
                return null;
            }
            int position = fields[0].Length + 2;
            for (int c = 1; c < fields.Length; c++)
            {
                string field = fields[c];
                double value = double.NaN;
                bool censored = c > inputs && c <= inputs + metrics && OutputCatalogue.AllMetrics[c - 1 - inputs].Censored;
                if (field.Length == 0 ? !censored : !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
                {
                    // Only a metric whose event may never happen is empty (laborsim writes its absence so); anything
                    // else not a finite number would be counted as a run outside every condition.
                    string shown = field.Length > 40 ? field[..40] + "..." : field;
                    problems.Add(new SourcePosition(path, lineNumber, position), header[c], field.Length == 0
                        ? "is empty; only a metric whose event may never happen (a month) is left empty in a runs.csv laborsim wrote"
                        : $"'{shown}' is not a finite number; a runs.csv laborsim wrote holds numbers, or nothing where an event never happened");
                    return null;
                }
                table.Values[(row - 1) * columns + c - 1] = value;
                position += field.Length + 1;
            }
        }
        if (row < rows)
        {
            problems.Add(new SourcePosition(path, lineNumber, 1), "", "the file shrank while it was read; read it again when nothing writes to it");
            return null;
        }
        return table;
    }

    // The file's non-empty lines, each without its line end; a file larger than its size on disk said (it grows, or
    // it is not what it seemed) ends the reading.
    private static IEnumerable<string> Lines(string path, Action<int>? numbered = null)
    {
        long limit = new FileInfo(path).Length;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream);
        long read = 0;
        int number = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            read += line.Length + 1;
            if (read > limit + 1)
            {
                throw new IOException($"{path}: holds more than its size on disk says; give the runs.csv laborsim run --save-runs wrote");
            }
            if (line.Length > 0)
            {
                numbered?.Invoke(number);
                yield return line;
            }
        }
    }
}
