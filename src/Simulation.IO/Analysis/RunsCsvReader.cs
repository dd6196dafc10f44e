using System.Globalization;
using Simulation.Core.Catalogue;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Scenarios;
using Simulation.IO.Yaml;

namespace Simulation.IO.Analysis;

/// <summary>Reads runs.csv back (as <see cref="Output.RunsCsvWriter"/> writes it): run, the inputs, then every metric in catalogue order.</summary>
public static class RunsCsvReader
{
    /// <summary>The table in <paramref name="path"/>; null with problems (file:line:column) if it is not a runs.csv of this laborsim.</summary>
    public static RunTable? Read(string path, ProblemList problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new SourcePosition(path, 0, 0), "", "does not exist; write it with 'laborsim run SCENARIO.yaml --save-runs'");
            return null;
        }
        // Never more than the file's size on disk: a device or a pipe named runs.csv (/dev/zero has no line end) is
        // refused instead of filling memory.
        long limit = new FileInfo(path).Length;
        var lines = new List<string>();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        using (var reader = new StreamReader(stream))
        {
            var line = new System.Text.StringBuilder();
            var chunk = new char[1 << 16];
            long read = 0;
            int count;
            while ((count = reader.Read(chunk, 0, chunk.Length)) > 0)
            {
                read += count;
                if (read > limit)
                {
                    problems.Add(new SourcePosition(path, 0, 0), "", "holds more than its size on disk says: not a regular file; give the runs.csv laborsim run --save-runs wrote");
                    return null;
                }
                for (int i = 0; i < count; i++)
                {
                    if (chunk[i] == '\n')
                    {
                        if (line.Length > 0)
                        {
                            lines.Add(line.ToString().TrimEnd('\r'));
                        }
                        line.Clear();
                    }
                    else
                    {
                        line.Append(chunk[i]);
                    }
                }
            }
            if (line.Length > 0)
            {
                lines.Add(line.ToString().TrimEnd('\r'));
            }
        }
        if (lines.Count < 2)
        {
            problems.Add(new SourcePosition(path, 1, 1), "", "holds no runs");
            return null;
        }
        string[] header = lines[0].Split(',');
        int metrics = OutputCatalogue.MetricCount;
        int inputs = header.Length - 1 - metrics;
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
        var table = RunTable.Empty(header[1..(1 + inputs)], lines.Count - 1);
        int columns = table.Columns;
        for (int l = 1; l < lines.Count; l++)
        {
            string[] fields = lines[l].Split(',');
            if (fields.Length != header.Length)
            {
                problems.Add(new SourcePosition(path, l + 1, 1), "", $"{fields.Length} fields where the header has {header.Length}");
                return null;
            }
            int position = fields[0].Length + 2;
            for (int c = 1; c < fields.Length; c++)
            {
                string field = fields[c];
                double value = double.NaN;
                if (field.Length > 0 && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    problems.Add(new SourcePosition(path, l + 1, position), header[c], $"'{field}' is not a number");
                    return null;
                }
                table.Values[(l - 1) * columns + c - 1] = value;
                position += field.Length + 1;
            }
        }
        return table;
    }
}
