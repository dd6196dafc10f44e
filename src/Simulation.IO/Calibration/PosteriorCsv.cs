using System.Globalization;
using System.Text;
using Simulation.Core.Calibration;
using Simulation.Core.Model;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.IO.Text;
using Simulation.IO.Yaml;

namespace Simulation.IO.Calibration;

/// <summary>
/// posterior.csv (docs/calibration.md): <c>particle,weight,distance,</c> then each calibrated input by key path, one
/// row per particle, numbers in shortest round-trip form so that a scenario reading it runs exactly these values.
/// </summary>
public static class PosteriorCsv
{
    /// <summary>The file it writes in an output folder.</summary>
    public const string FileName = "posterior.csv";

    /// <summary>Posterior files larger than this are refused.</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>The columns before the inputs.</summary>
    public static IReadOnlyList<string> Leading { get; } = ["particle", "weight", "distance"];

    /// <summary>Writes the particles of <paramref name="result"/>, whose columns are <paramref name="keyPaths"/>.</summary>
    public static void Write(AbcResult result, IReadOnlyList<string> keyPaths, TextWriter writer)
    {
        var line = new StringBuilder(string.Join(",", Leading));
        foreach (string key in keyPaths)
        {
            line.Append(',').Append(key);
        }
        writer.Write(line.Append('\n'));
        for (int i = 0; i < result.Count; i++)
        {
            line.Clear().Append(i.ToString(CultureInfo.InvariantCulture)).Append(',').Append(NumberFormat.Csv(result.Weights[i]))
                .Append(',').Append(NumberFormat.Csv(result.Distances[i]));
            for (int j = 0; j < keyPaths.Count; j++)
            {
                line.Append(',').Append(NumberFormat.Csv(result.Value(i, j)));
            }
            writer.Write(line.Append('\n'));
        }
    }

    /// <summary>
    /// Reads posterior CSV <paramref name="text"/> (named <paramref name="source"/>) for <paramref name="scenario"/>:
    /// every input column must name an uncertain input of it, every value lie in that input's valid range. Columns of
    /// <paramref name="setElsewhere"/> (inputs given a value another way, e.g. --set) are left out unchecked.
    /// </summary>
    public static PosteriorSample? Read(string text, string source, Scenario scenario, ProblemList problems, IReadOnlyCollection<string>? setElsewhere = null)
    {
        int before = problems.Count;
        string[] lines = text.Split('\n');
        var header = CsvLine.Split(lines[0].TrimEnd('\r'), out string? headerError, out int headerColumn);
        if (header is null)
        {
            problems.Add(new SourcePosition(source, 1, headerColumn), "", headerError!);
            return null;
        }
        for (int c = 0; c < Leading.Count; c++)
        {
            if (c >= header.Count || header[c].Text.Trim() != Leading[c])
            {
                problems.Add(new SourcePosition(source, 1, c < header.Count ? header[c].Column : 1), "",
                    $"a posterior file starts with the columns {string.Join(",", Leading)}, then one column per input (as laborsim calibrate writes it)");
                return null;
            }
        }
        if (header.Count == Leading.Count)
        {
            problems.Add(new SourcePosition(source, 1, 1), "", "names no input: after particle,weight,distance come the calibrated inputs' key paths");
            return null;
        }
        var uncertain = new Dictionary<string, ScenarioParameter>(StringComparer.Ordinal);
        foreach (var parameter in scenario.Parameters())
        {
            if (!parameter.Distribution.IsFixed)
            {
                uncertain[parameter.KeyPath] = parameter;
            }
        }
        var keys = new List<string>();
        var definitions = new List<ScenarioParameter>();
        var columns = new List<int>();
        for (int c = Leading.Count; c < header.Count; c++)
        {
            string key = header[c].Text.Trim();
            var position = new SourcePosition(source, 1, header[c].Column);
            if (setElsewhere?.Contains(key) == true)
            {
                continue;
            }
            if (keys.Contains(key))
            {
                problems.Add(position, key, "is a column twice; keep one");
            }
            else if (!uncertain.TryGetValue(key, out var parameter))
            {
                string? closest = Spelling.Closest(key, [.. uncertain.Keys]);
                bool isFixed = scenario.Find(key) is not null;
                problems.Add(position, key, isFixed
                    ? $"is a fixed value in scenario {scenario.Name}, not an uncertain input; a posterior only replaces inputs the scenario draws from a distribution (its priors)"
                    : $"is not an input of scenario {scenario.Name}{(closest is not null ? $"; did you mean '{closest}'?" : "")}; the posterior must come from calibrating this scenario");
            }
            else
            {
                keys.Add(key);
                definitions.Add(parameter);
                columns.Add(c);
            }
        }
        if (problems.Count == before && keys.Count == 0)
        {
            problems.Add(new SourcePosition(source, 1, 1), "", "every input of the posterior is set another way (--set); leave out 'posterior:' instead");
        }
        if (problems.Count > before)
        {
            return null;
        }
        var values = new List<double>();
        var weights = new List<double>();
        for (int l = 1; l < lines.Length; l++)
        {
            string line = lines[l].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }
            if (weights.Count >= AbcEngine.MaxParticles)
            {
                problems.Add(new SourcePosition(source, l + 1, 1), "", $"more than {AbcEngine.MaxParticles:N0} particles");
                return null;
            }
            var fields = CsvLine.Split(line, out string? error, out int errorColumn);
            if (fields is null || fields.Count != header.Count)
            {
                problems.Add(new SourcePosition(source, l + 1, fields is null ? errorColumn : 1), "", error ?? $"{fields!.Count} fields where the header has {header.Count}");
                if (problems.Count - before >= 20)
                {
                    return null;
                }
                continue;
            }
            if (!double.TryParse(fields[1].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double weight) || !double.IsFinite(weight) || weight < 0)
            {
                problems.Add(new SourcePosition(source, l + 1, fields[1].Column), "weight", $"must be a number 0 or more, got '{fields[1].Text}'");
            }
            weights.Add(weight);
            for (int j = 0; j < keys.Count; j++)
            {
                var field = fields[columns[j]];
                var range = definitions[j].Definition.Range;
                if (!double.TryParse(field.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                {
                    problems.Add(new SourcePosition(source, l + 1, field.Column), keys[j], $"must be a number, got '{field.Text}'");
                }
                else if (!range.Contains(value))
                {
                    problems.Add(new SourcePosition(source, l + 1, field.Column), keys[j], $"{value.ToString(CultureInfo.InvariantCulture)} is outside its valid range {range.Describe()}");
                }
                values.Add(value);
            }
            if (problems.Count - before >= 20)
            {
                return null;
            }
        }
        if (problems.Count > before)
        {
            return null;
        }
        if (weights.Count == 0 || weights.Sum() <= 0)
        {
            problems.Add(new SourcePosition(source, 2, 1), "", weights.Count == 0 ? "has no particles" : "every weight is 0; at least one particle must have weight");
            return null;
        }
        return new PosteriorSample(keys, [.. values], [.. weights], source);
    }
}
