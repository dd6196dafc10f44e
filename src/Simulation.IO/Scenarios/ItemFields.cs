using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// The keys of one list item ({from: ..., multiplier: ...}, a channel, an order): each key once, unknown keys
/// reported with a spelling suggestion, as for the scenario's own keys.
/// </summary>
internal sealed class ItemFields
{
    private readonly Dictionary<string, (YamlScalar Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);

    private ItemFields(YamlMapping mapping) => Mapping = mapping;

    /// <summary>The item.</summary>
    public YamlMapping Mapping { get; }

    /// <summary>
    /// Reads <paramref name="node"/> as an item of <paramref name="itemPath"/> taking <paramref name="allowed"/> keys;
    /// null (after recording a problem) when it is not a mapping. Unknown and duplicate keys are recorded and left out.
    /// </summary>
    public static ItemFields? Read(YamlNode node, string itemPath, IReadOnlyList<string> allowed, string example, ProblemList problems)
    {
        if (node is not YamlMapping mapping)
        {
            problems.Add(node, itemPath, $"must be a mapping such as {example}, got {node.Describe()}");
            return null;
        }
        var fields = new ItemFields(mapping);
        foreach (var (key, value) in mapping.Entries)
        {
            string path = $"{itemPath}.{key.Value}";
            if (!allowed.Contains(key.Value))
            {
                string? suggestion = Spelling.Closest(key.Value, allowed);
                problems.Add(key, path, suggestion is null
                    ? $"unknown key; an item here takes {string.Join(", ", allowed)}"
                    : $"unknown key; did you mean '{suggestion}'?");
                continue;
            }
            if (!fields._fields.TryAdd(key.Value, (key, value)))
            {
                problems.Add(key, path, $"duplicate key (first given at line {fields._fields[key.Value].Key.Position.Line}); keep one");
            }
        }
        return fields;
    }

    /// <summary>The value of <paramref name="key"/>, or null when left out.</summary>
    public YamlNode? this[string key] => _fields.TryGetValue(key, out var field) ? field.Value : null;

    /// <summary>True when <paramref name="key"/> is given.</summary>
    public bool Has(string key) => _fields.ContainsKey(key);

    /// <summary>The value of a required key; records "needs KEY" at the item and returns null when it is missing.</summary>
    public YamlNode? Required(string key, string itemPath, string example, ProblemList problems)
    {
        if (this[key] is { } value)
        {
            return value;
        }
        problems.Add(Mapping, itemPath, $"needs '{key}', e.g. {example}");
        return null;
    }
}
