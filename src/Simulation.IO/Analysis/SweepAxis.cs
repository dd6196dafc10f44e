using System.Globalization;
using Simulation.Core.Analysis;
using Simulation.Core.Model;
using Simulation.IO.Scenarios;
using Simulation.IO.Yaml;

namespace Simulation.IO.Analysis;

/// <summary>Reads a sweep lever from the command line: <c>--over key.path=START:STOP:COUNT</c>, COUNT evenly spaced values from START to STOP inclusive.</summary>
public static class SweepAxis
{
    /// <summary>Most points on one axis.</summary>
    public const int MaxPoints = 1000;

    /// <summary>Parses <paramref name="text"/> as a lever of <paramref name="scenario"/>; null after recording problems.</summary>
    public static SweepLever? Parse(string text, Scenario scenario, ProblemList problems)
    {
        string source = $"--over {text}";
        var position = new SourcePosition(source, 0, 0);
        int equals = text.IndexOf('=');
        if (equals <= 0)
        {
            problems.Add(position, "", "must be key.path=START:STOP:COUNT, e.g. --over enforcement.deterrence=0:1:11");
            return null;
        }
        string key = text[..equals].Trim();
        var parameter = scenario.Find(key);
        if (parameter is null)
        {
            var candidates = scenario.Parameters().Select(p => p.KeyPath).ToList();
            string? suggestion = Spelling.Closest(key, candidates);
            problems.Add(position, key, ScenarioSchema.Find(key) is not null
                ? "cannot be swept: only numeric parameters can (see 'laborsim validate --defaults')"
                : suggestion is null ? "unknown key; see 'laborsim validate --defaults'" : $"unknown key; did you mean '{suggestion}'?");
            return null;
        }
        string[] parts = text[(equals + 1)..].Split(':');
        if (parts.Length != 3
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double start)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double stop)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || !double.IsFinite(start) || !double.IsFinite(stop))
        {
            problems.Add(position, key, $"must be START:STOP:COUNT with finite numbers and a whole COUNT, e.g. 0:1:11, got {text[(equals + 1)..]}");
            return null;
        }
        if (count < 2 || count > MaxPoints)
        {
            problems.Add(position, key, $"COUNT must be between 2 and {MaxPoints}, got {count}");
            return null;
        }
        var range = parameter.Definition.Range;
        var values = new double[count];
        bool inRange = true;
        for (int i = 0; i < count; i++)
        {
            values[i] = i == count - 1 ? stop : start + (stop - start) * i / (count - 1);
            inRange &= range.Contains(values[i]);
        }
        if (!inRange)
        {
            problems.Add(position, key, $"every value must be {range.Describe()}, got {start.ToString(CultureInfo.InvariantCulture)} to {stop.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        return new SweepLever(parameter.KeyPath, values);
    }
}
