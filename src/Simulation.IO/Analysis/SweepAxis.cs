using System.Globalization;
using Simulation.IO.Scenarios;
using Simulation.IO.Yaml;

namespace Simulation.IO.Analysis;

/// <summary>One lever of a sweep: <c>--over key.path=START:STOP:COUNT</c>, COUNT evenly spaced values from START to STOP inclusive.</summary>
public sealed record SweepAxis(string KeyPath, IReadOnlyList<double> Values, string Source)
{
    /// <summary>Most points on one axis.</summary>
    public const int MaxPoints = 1000;

    /// <summary>Parses <paramref name="text"/>; null after recording problems.</summary>
    public static SweepAxis? Parse(string text, ProblemList problems)
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
        var definition = ScenarioSchema.Find(key);
        if (definition is null || definition.Kind != KeyKind.Parameter)
        {
            var candidates = ScenarioSchema.Keys.Where(k => k.Kind == KeyKind.Parameter).Select(k => k.Path).ToList();
            string? suggestion = Spelling.Closest(key, candidates);
            problems.Add(position, key, definition is not null
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
        var values = new double[count];
        bool inRange = true;
        for (int i = 0; i < count; i++)
        {
            values[i] = i == count - 1 ? stop : start + (stop - start) * i / (count - 1);
            inRange &= definition.Range!.Contains(values[i]);
        }
        if (!inRange)
        {
            problems.Add(position, key, $"every value must be {definition.Range!.Describe()}, got {start.ToString(CultureInfo.InvariantCulture)} to {stop.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        return new SweepAxis(key, values, source);
    }

    /// <summary>The override that sets this lever to <paramref name="value"/>.</summary>
    public ScenarioOverride At(double value) => new(KeyPath, value.ToString("R", CultureInfo.InvariantCulture), Source);
}
