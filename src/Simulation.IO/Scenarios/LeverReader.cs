using Simulation.Core.Model;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Reads <c>levers:</c> (docs/decisions.md): a mapping of parameter key paths to the values a decision maker may give
/// them, <c>{min, max}</c> or <c>{values: [...]}</c>. A lever must be a parameter of the scenario and a fixed number in
/// it: what a decision maker sets is never drawn.
/// </summary>
internal static class LeverReader
{
    private const string Example = "{enforcement.deterrence: {min: 0.2, max: 1.0}, channels.study.open: {values: [0, 1]}}";

    private static readonly string[] Keys = ["min", "max", "values"];

    /// <summary>The levers that are valid, in file order (the problems of the others are recorded); null when the key is not a mapping.</summary>
    public static IReadOnlyList<Lever>? Read(YamlNode node, Scenario scenario, ProblemList problems)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlMapping mapping)
        {
            problems.Add(node, "levers", $"must be a mapping of key paths to their values such as {Example}, got {node.Describe()}");
            return null;
        }
        var levers = new List<Lever>();
        var keyPaths = scenario.Parameters().Select(p => p.KeyPath).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            string path = $"levers.{key.Value}";
            if (!seen.Add(key.Value))
            {
                problems.Add(key, path, "is given twice; keep one");
                continue;
            }
            var parameter = scenario.Find(key.Value);
            if (parameter is null)
            {
                string? suggestion = Spelling.Closest(key.Value, keyPaths);
                problems.Add(key, path, suggestion is null
                    ? "names no parameter of this scenario (laborsim validate --defaults lists the keys)"
                    : $"names no parameter of this scenario; did you mean '{suggestion}'?");
                continue;
            }
            if (!parameter.Distribution.IsFixed)
            {
                problems.Add(key, path, $"is also an uncertain input of this scenario ({key.Value}: {parameter.Distribution}): what a decision maker sets is not drawn; "
                    + "give it a fixed value in the scenario, or leave it out of levers");
                continue;
            }
            var fields = ItemFields.Read(value, path, Keys, "{min: 0.2, max: 1.0} or {values: [0, 1]}", problems);
            if (fields is null)
            {
                continue;
            }
            double? min = Number(fields["min"], path + ".min", problems);
            double? max = Number(fields["max"], path + ".max", problems);
            double[]? values = null;
            if (fields["values"] is { } list)
            {
                values = NumberList(list, path + ".values", problems);
                if (fields.Has("min") || fields.Has("max"))
                {
                    problems.Add(list, path, "takes either 'values' or 'min' and 'max', not both");
                }
            }
            else if (!fields.Has("min") && !fields.Has("max"))
            {
                problems.Add(fields.Mapping, path, "needs its values: {min: A, max: B} or {values: [A, B, ...]}");
                continue;
            }
            if (min is { } low && max is { } high && low > high)
            {
                problems.Add(fields.Mapping, path, $"min {low} is above max {high}");
            }
            int leverProblems = problems.Count;
            var range = parameter.Definition.Range;
            foreach (double v in values ?? [.. new[] { min, max }.OfType<double>()])
            {
                if (!range.Contains(v))
                {
                    problems.Add(fields.Mapping, path, $"takes {v}, but {key.Value} must be {range.Describe()}");
                }
            }
            if (problems.Count == leverProblems)
            {
                levers.Add(new Lever(key.Value, min, max, values));
            }
        }
        return levers;
    }

    private static double? Number(YamlNode? node, string path, ProblemList problems) =>
        node is not null && ScalarReader.TryNumber(node, path, problems, out double value) ? value : null;

    private static double[]? NumberList(YamlNode node, string path, ProblemList problems)
    {
        if (node is not YamlSequence sequence || sequence.Items.Count == 0)
        {
            problems.Add(node, path, $"must be a non-empty list of numbers such as [0, 1], got {node.Describe()}");
            return null;
        }
        var numbers = new double[sequence.Items.Count];
        for (int i = 0; i < numbers.Length; i++)
        {
            if (!ScalarReader.TryNumber(sequence.Items[i], $"{path}[{i}]", problems, out numbers[i]))
            {
                return null;
            }
        }
        return numbers;
    }
}
