using System.Globalization;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Reads a parameter: a plain number or a mapping {dist: NAME, ...} (docs/scenario-format.md), and checks that
/// every value it can take lies within the key's range.
/// </summary>
public static class ParameterReader
{
    /// <summary>Reads <paramref name="node"/> as the parameter <paramref name="path"/>; null after recording problems.</summary>
    public static InputDistribution? Read(YamlNode node, string path, ValueRange range, ProblemList problems)
    {
        if (node is YamlMapping mapping)
        {
            var distribution = ReadDistribution(mapping, path, problems);
            if (distribution is not null && !CheckSupport(distribution, mapping, path, range, problems))
            {
                return null;
            }
            return distribution;
        }
        if (node is YamlSequence)
        {
            problems.Add(node, path, "must be a number or a distribution such as {dist: uniform, min: 1, max: 2}, got a list");
            return null;
        }
        if (range.InfinityAllowed && node is YamlScalar { IsQuoted: false } scalar && scalar.Value.Trim().ToLowerInvariant() is ".inf" or "+.inf" or "inf")
        {
            return InputDistribution.Fixed(double.PositiveInfinity);
        }
        if (!ScalarReader.TryNumber(node, path, problems, out double value))
        {
            return null;
        }
        if (!range.Contains(value))
        {
            problems.Add(node, path, $"must be {range.Describe()}, got {ScalarReader.Show(node)}");
            return null;
        }
        return InputDistribution.Fixed(value);
    }

    private static InputDistribution? ReadDistribution(YamlMapping mapping, string path, ProblemList problems)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        int before = problems.Count;
        foreach (var (key, value) in mapping.Entries)
        {
            if (!fields.TryAdd(key.Value, value))
            {
                problems.Add(key, path, $"duplicate key '{key.Value}' in the distribution; keep one");
            }
        }
        if (!fields.TryGetValue("dist", out var familyNode))
        {
            problems.Add(mapping, path, $"a distribution needs 'dist:', one of {string.Join(", ", DistributionFamily.All.Select(f => f.Name))}; for a fixed value write just the number");
            return null;
        }
        string name = familyNode is YamlScalar s ? s.Value.Trim() : "";
        var names = DistributionFamily.All.Select(f => f.Name).ToList();
        if (DistributionFamily.Find(name) is not { } family)
        {
            string? suggestion = Spelling.Closest(name, names);
            string hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
            problems.Add(familyNode, path + ".dist", $"unknown distribution '{ScalarReader.Show(familyNode)}'{hint} (one of {string.Join(", ", names)})");
            return null;
        }
        var allowed = family.Keys;
        foreach (var (key, _) in mapping.Entries)
        {
            if (key.Value == "dist" || allowed.Contains(key.Value))
            {
                continue;
            }
            string? suggestion = Spelling.Closest(key.Value, allowed);
            string hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
            problems.Add(key, $"{path}.{key.Value}", $"unknown key for dist: {name}{hint} ({name} takes {string.Join(", ", allowed)})");
        }
        foreach (string required in family.Required)
        {
            if (!fields.ContainsKey(required))
            {
                problems.Add(mapping, path, $"dist: {name} needs '{required}' ({name} takes {string.Join(", ", allowed)})");
            }
        }
        if (family.Alternatives.Count > 0)
        {
            // Exactly one way of writing it, whole and unmixed.
            int given = family.Alternatives.Count(keys => keys.Any(fields.ContainsKey));
            bool complete = given == 1 && family.Alternatives.Any(keys => keys.All(fields.ContainsKey));
            if (!complete)
            {
                problems.Add(mapping, path, $"dist: {name} needs either {string.Join(" or ", family.Alternatives.Select(keys => string.Join(" and ", keys.Select(k => $"'{k}'"))))}, not a mix");
            }
        }
        if (problems.Count > before)
        {
            return null;
        }

        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        var lists = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            if (key == "dist")
            {
                continue;
            }
            if (family.ListKeys.Contains(key))
            {
                if (ReadNumberList(value, $"{path}.{key}", problems) is { } list)
                {
                    lists[key] = list;
                }
            }
            else if (ScalarReader.TryNumber(value, $"{path}.{key}", problems, out double number))
            {
                numbers[key] = number;
            }
        }
        if (problems.Count > before)
        {
            return null;
        }
        try
        {
            return family.Create(numbers, lists);
        }
        catch (ArgumentException exception)
        {
            problems.Add(mapping, path, $"invalid {name}: {exception.Message}, got {YamlFlowWriter.Write(mapping)}");
            return null;
        }
    }

    private static double[]? ReadNumberList(YamlNode node, string path, ProblemList problems)
    {
        if (node is not YamlSequence sequence || sequence.Items.Count == 0)
        {
            problems.Add(node, path, $"must be a non-empty list of numbers such as [1, 2, 3], got {node.Describe()}");
            return null;
        }
        var numbers = new double[sequence.Items.Count];
        bool ok = true;
        for (int i = 0; i < numbers.Length; i++)
        {
            ok &= ScalarReader.TryNumber(sequence.Items[i], $"{path}[{i}]", problems, out numbers[i]);
        }
        return ok ? numbers : null;
    }

    private static bool CheckSupport(InputDistribution distribution, YamlMapping node, string path, ValueRange range, ProblemList problems)
    {
        double low = distribution.SupportMin;
        double high = distribution.SupportMax;
        bool lowOk = range.MinExclusive
            ? low > range.Min || (low == range.Min && distribution.ExcludesZero && range.Min == 0)
            : low >= range.Min;
        bool highOk = double.IsFinite(high) ? high <= range.Max : range.UnboundedAbove;
        if (lowOk && highOk)
        {
            return true;
        }
        string F(double v) => double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : (v > 0 ? "infinity" : "-infinity");
        string fix = distribution.Kind == DistributionKind.Normal
            ? "; give the normal 'min' and 'max' within that range"
            : "; narrow it or pick a distribution that stays within the range";
        problems.Add(node, path, $"must be {range.Describe()} in every run, got {distribution} whose draws span {F(low)} to {F(high)}{fix}");
        return false;
    }
}
