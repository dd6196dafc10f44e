using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Core.Calendar;
using Simulation.Core.Calibration;
using Simulation.Core.Model;
using Simulation.IO.Scenarios;
using Simulation.IO.Text;
using Simulation.IO.Yaml;

namespace Simulation.IO.Calibration;

/// <summary>
/// Reads observation files (docs/calibration.md): <c>series,period,value,error_kind,error,source,note</c>, checked
/// against the scenario they calibrate; every problem with file:line:column, what was expected and the fix.
/// </summary>
public static partial class ObservationReader
{
    /// <summary>Observation files larger than this are refused as probably not observation files.</summary>
    public const long MaxFileBytes = 16 << 20;

    /// <summary>The columns, in order; source and note may be left out.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["series", "period", "value", "error_kind", "error", "source", "note"];

    /// <summary>
    /// The columns of a file of planned observations (laborsim voi --plan): an observation not yet made has no value
    /// and no source; note says what it would cost or who could make it.
    /// </summary>
    public static IReadOnlyList<string> PlannedColumns { get; } = ["series", "period", "error_kind", "error", "note"];

    private static readonly Dictionary<string, ObservationErrorKind> Kinds = new(StringComparer.Ordinal)
    {
        ["relative"] = ObservationErrorKind.Relative,
        ["lognormal"] = ObservationErrorKind.LogNormal,
        ["poisson"] = ObservationErrorKind.Poisson,
        ["upper"] = ObservationErrorKind.Upper,
        ["lower"] = ObservationErrorKind.Lower,
    };

    /// <summary>The observations of the file at <paramref name="path"/> for <paramref name="scenario"/>; null if it has problems (added to <paramref name="problems"/>).</summary>
    public static List<Observation>? ReadFile(string path, Scenario scenario, ProblemList problems) => ReadFile(path, scenario, problems, new ObservedValues(scenario));

    /// <summary>
    /// As <see cref="ReadFile(string, Scenario, ProblemList)"/>, refusing a row whose model value <paramref name="observed"/>
    /// already holds (from this file or an earlier one of the same calibration).
    /// </summary>
    public static List<Observation>? ReadFile(string path, Scenario scenario, ProblemList problems, ObservedValues observed)
    {
        string? text = TextFileReader.Read(path, MaxFileBytes, problems, "an observation file");
        return text is null ? null : Read(text, path, scenario, problems, planned: false, observed);
    }

    /// <summary>Every observation of the files at <paramref name="paths"/>, each model value at most once across them; null if any has problems.</summary>
    public static List<Observation>? ReadFiles(IReadOnlyList<string> paths, Scenario scenario, ProblemList problems)
    {
        int before = problems.Count;
        var observed = new ObservedValues(scenario);
        var all = new List<Observation>();
        foreach (string path in paths)
        {
            all.AddRange(ReadFile(path, scenario, problems, observed) ?? []);
        }
        return problems.Count > before ? null : all;
    }

    /// <summary>
    /// The planned observations of the file at <paramref name="path"/> for <paramref name="scenario"/>, each with a NaN
    /// value; null if it has problems (added to <paramref name="problems"/>).
    /// </summary>
    public static List<Observation>? ReadPlannedFile(string path, Scenario scenario, ProblemList problems)
    {
        string? text = TextFileReader.Read(path, MaxFileBytes, problems, "a file of planned observations");
        return text is null ? null : Read(text, path, scenario, problems, planned: true, new ObservedValues(scenario));
    }

    /// <summary>Reads observation CSV <paramref name="text"/> named <paramref name="source"/> in messages.</summary>
    public static List<Observation>? Read(string text, string source, Scenario scenario, ProblemList problems) =>
        Read(text, source, scenario, problems, planned: false, new ObservedValues(scenario));

    private static List<Observation>? Read(string text, string source, Scenario scenario, ProblemList problems, bool planned, ObservedValues observed)
    {
        var columns = planned ? PlannedColumns : Columns;
        // Where each field sits: a planned observation has no value or source.
        int valueColumn = planned ? -1 : 2, kindColumn = planned ? 2 : 3, errorColumn = planned ? 3 : 4, sourceColumn = planned ? -1 : 5, noteColumn = planned ? 4 : 6;
        int required = planned ? 4 : 5;
        int before = problems.Count;
        // Line ends of every platform: LF, CRLF, and CR alone (Excel for Mac), as scenario files.
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        int headerLine = Array.FindIndex(lines, l => l.TrimEnd('\r').Length > 0);
        if (headerLine < 0)
        {
            problems.Add(new SourcePosition(source, 1, 1), "", $"the file is empty; {(planned ? "a file of planned observations" : "an observation file")} starts with the header {string.Join(",", columns)}");
            return null;
        }
        var header = CsvLine.Split(lines[headerLine].TrimEnd('\r'), out string? headerError, out int headerColumn);
        if (header is null)
        {
            problems.Add(new SourcePosition(source, headerLine + 1, headerColumn), "", headerError!);
            return null;
        }
        for (int c = 0; c < header.Count; c++)
        {
            string expected = c < columns.Count ? columns[c] : "";
            if (header[c].Text.Trim() != expected)
            {
                string found = header[c].Text.Trim();
                string fix = c < columns.Count ? $"expected '{expected}'" : "no column after 'note'";
                string? closest = Spelling.Closest(found, columns);
                string valueHint = planned && found == "value" ? " (a planned observation has no value yet: leave the column out)" : "";
                problems.Add(new SourcePosition(source, headerLine + 1, header[c].Column), "",
                    $"header column {c + 1} is '{found}': {fix}{(closest is not null && closest != found ? $" (did you mean '{closest}'?)" : "")}{valueHint}; the header is {string.Join(",", columns)}");
                return null;
            }
        }
        if (header.Count < required)
        {
            problems.Add(new SourcePosition(source, headerLine + 1, 1), "",
                $"the header has {header.Count} columns; it needs at least {string.Join(",", columns.Take(required))} (then {string.Join(",", columns.Skip(required))})");
            return null;
        }

        var series = new List<string>();
        foreach (var definition in scenario.SeriesDefinitions())
        {
            if (ObservationSet.IsObservable(definition))
            {
                series.Add(definition.Name);
            }
        }
        var start = scenario.Start;
        var end = start.AddMonths(scenario.Months - 1);
        var observations = new List<Observation>();
        for (int l = headerLine + 1; l < lines.Length; l++)
        {
            string line = lines[l].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }
            int lineNumber = l + 1;
            var fields = CsvLine.Split(line, out string? error, out int badColumn);
            if (fields is null)
            {
                problems.Add(new SourcePosition(source, lineNumber, badColumn), "", error!);
                continue;
            }
            if (fields.Count != header.Count)
            {
                problems.Add(new SourcePosition(source, lineNumber, 1), "", $"{fields.Count} fields where the header has {header.Count}; quote a field that holds a comma (\"a, b\")");
                continue;
            }
            SourcePosition At(int column) => new(source, lineNumber, fields[column].Column);
            string name = fields[0].Text.Trim();
            int rowProblems = problems.Count;
            if (!series.Contains(name))
            {
                string? closest = Spelling.Closest(name, series);
                string hint = closest is not null ? $"did you mean '{closest}'?" : $"scenario {scenario.Name} reports {string.Join(", ", series)}";
                problems.Add(At(0), "series", scenario.SeriesDefinitions().Any(s => s.Name == name)
                    ? $"'{name}' is a probability over many runs, not something one run shows; observe {string.Join(", ", series.Take(4))}, ..."
                    : $"unknown series '{name}'; {hint}");
            }
            string periodText = fields[1].Text.Trim();
            YearMonth first = default, last = default;
            if (!TryPeriod(periodText, out first, out last))
            {
                problems.Add(At(1), "period", $"must be YYYY-MM, YYYYQn or YYYY (e.g. 2019-09, 2024Q3, 2019), got '{periodText}'");
            }
            else if (first.CompareTo(start) < 0 || last.CompareTo(end) > 0)
            {
                problems.Add(At(1), "period", $"{periodText} ({first} to {last}) is outside the scenario's months {start} to {end}; leave the row out or change the scenario's start or months");
            }
            double value = double.NaN;
            bool valueOk = false;
            if (valueColumn >= 0)
            {
                string valueText = fields[valueColumn].Text.Trim();
                valueOk = double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
                if (!valueOk)
                {
                    problems.Add(At(valueColumn), "value", valueText.Length == 0
                        ? "is empty; a period that was not published is left out, never written as 0 or blank"
                        : $"must be a number (digits, '.' for decimals, no thousands separators), got '{valueText}'");
                }
                else if (value < 0)
                {
                    problems.Add(At(valueColumn), "value", $"must not be negative, got {valueText}: counts, stocks and money are 0 or more");
                }
            }
            string kindText = fields[kindColumn].Text.Trim();
            if (!Kinds.TryGetValue(kindText, out var kind))
            {
                string? closest = Spelling.Closest(kindText, [.. Kinds.Keys]);
                problems.Add(At(kindColumn), "error_kind", $"unknown error kind '{kindText}'; {(closest is not null ? $"did you mean '{closest}'? " : "")}one of {string.Join(", ", Kinds.Keys)}");
            }
            string errorText = fields[errorColumn].Text.Trim();
            double scale = double.NaN;
            if (Kinds.ContainsKey(kindText))
            {
                if (kind == ObservationErrorKind.Poisson)
                {
                    if (errorText.Length > 0)
                    {
                        problems.Add(At(errorColumn), "error", $"poisson takes no error (its scale is the square root of the value); leave it empty, got '{errorText}'");
                    }
                }
                else if (errorText.Length == 0)
                {
                    problems.Add(At(errorColumn), "error", $"is missing: {kindText} needs its scale ({ErrorMeaning(kind)}), e.g. 0.1");
                }
                else if (!double.TryParse(errorText, NumberStyles.Float, CultureInfo.InvariantCulture, out scale) || !double.IsFinite(scale) || scale <= 0)
                {
                    problems.Add(At(errorColumn), "error", $"must be a positive number ({ErrorMeaning(kind)}), got '{errorText}'");
                }
                else if (valueOk && value == 0 && kind is not ObservationErrorKind.LogNormal)
                {
                    problems.Add(At(valueColumn), "value", $"is 0, for which a {kindText} error (a share of the value) means nothing; use poisson or lognormal for a zero");
                }
                else if (!double.IsNormal(scale) || (valueOk && kind is not ObservationErrorKind.LogNormal && !double.IsNormal(scale * value)))
                {
                    // The residual divides by the error's scale (error x value for a share): one that underflows to 0
                    // or to a subnormal number gives every run an infinite or undefined distance.
                    problems.Add(At(errorColumn), "error", kind is ObservationErrorKind.LogNormal
                        ? $"{errorText} is too small to divide by; give the error as a share such as 0.1"
                        : $"{errorText} x the value {fields[valueColumn].Text.Trim()} is too small to divide by; give the value in its unit (workers, US dollars) and the error as a share such as 0.1");
                }
            }
            if (problems.Count > rowProblems)
            {
                continue;
            }
            if (!observed.TryClaim(name, first, last, periodText, At(1), out string twice))
            {
                problems.Add(At(1), "period", twice);
                continue;
            }
            observations.Add(new Observation(name, first, last, periodText, value, kind, kind == ObservationErrorKind.Poisson ? 0 : scale,
                sourceColumn >= 0 && fields.Count > sourceColumn ? fields[sourceColumn].Text.Trim() : "", fields.Count > noteColumn ? fields[noteColumn].Text.Trim() : ""));
        }
        if (problems.Count == before && observations.Count == 0)
        {
            problems.Add(new SourcePosition(source, headerLine + 1, 1), "", planned ? "has a header but no observations; add one row per observation you could make"
                : "has a header but no observations; add one row per published figure");
        }
        return problems.Count > before ? null : observations;
    }

    /// <summary>Parses YYYY-MM, YYYYQn or YYYY into its first and last month.</summary>
    public static bool TryPeriod(string text, out YearMonth first, out YearMonth last)
    {
        first = last = default;
        var match = PeriodPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }
        int year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["month"].Success)
        {
            int month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }
            first = last = new YearMonth(year, month);
        }
        else if (match.Groups["quarter"].Success)
        {
            int quarter = match.Groups["quarter"].Value[0] - '0';
            first = new YearMonth(year, 3 * quarter - 2);
            last = new YearMonth(year, 3 * quarter);
        }
        else
        {
            first = new YearMonth(year, 1);
            last = new YearMonth(year, 12);
        }
        return true;
    }

    private static string ErrorMeaning(ObservationErrorKind kind) => kind switch
    {
        ObservationErrorKind.Relative => "the relative standard error",
        ObservationErrorKind.LogNormal => "the standard deviation of the log",
        _ => "the scale of a violation, as a share of the bound",
    };

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?<month>\d{2})|Q(?<quarter>[1-4]))?$")]
    private static partial Regex PeriodPattern();
}
