using System.Text;

namespace Simulation.IO.Text;

/// <summary>
/// Splits one line of RFC 4180 CSV into fields with the column where each starts, so that a bad field is reported
/// at its file:line:column. Quoted fields may hold commas and doubled quotes; they must end on their line.
/// </summary>
public static class CsvLine
{
    /// <summary>The fields of <paramref name="line"/>, or null with <paramref name="error"/> and its column.</summary>
    public static List<(string Text, int Column)>? Split(string line, out string? error, out int errorColumn)
    {
        var fields = new List<(string, int)>();
        var field = new StringBuilder();
        int i = 0;
        error = null;
        errorColumn = 0;
        while (true)
        {
            int start = i + 1;
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = "a quoted field does not end on its line; close the quote (a quote inside a field is written twice: \"\")";
                        errorColumn = start;
                        return null;
                    }
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                if (i < line.Length && line[i] != ',')
                {
                    error = "text after a closing quote; quote the whole field";
                    errorColumn = i + 1;
                    return null;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    field.Append(line[i++]);
                }
            }
            fields.Add((field.ToString(), start));
            if (i >= line.Length)
            {
                return fields;
            }
            i++;
        }
    }
}
