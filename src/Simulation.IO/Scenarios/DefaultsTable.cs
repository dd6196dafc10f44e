using System.Text;

namespace Simulation.IO.Scenarios;

/// <summary>The text printed by <c>laborsim validate --defaults</c>: every key with its default, unit and meaning.</summary>
public static class DefaultsTable
{
    /// <summary>A fixed-width table, one key per line.</summary>
    public static string Render()
    {
        int pathWidth = 0;
        int defaultWidth = 0;
        int unitWidth = 0;
        foreach (var key in ScenarioSchema.Keys)
        {
            pathWidth = Math.Max(pathWidth, key.Path.Length);
            defaultWidth = Math.Max(defaultWidth, (key.DefaultYaml ?? "(required)").Length);
            unitWidth = Math.Max(unitWidth, key.Unit.Length);
        }
        var builder = new StringBuilder();
        builder.Append("key".PadRight(pathWidth)).Append("  ").Append("default".PadRight(defaultWidth)).Append("  ")
            .Append("unit".PadRight(unitWidth)).Append("  meaning\n");
        foreach (var key in ScenarioSchema.Keys)
        {
            string range = key.Range is { } r && key.Kind is KeyKind.Parameter or KeyKind.Integer ? $" [{r.Describe()}]" : "";
            builder.Append(key.Path.PadRight(pathWidth)).Append("  ")
                .Append((key.DefaultYaml ?? "(required)").PadRight(defaultWidth)).Append("  ")
                .Append(key.Unit.PadRight(unitWidth)).Append("  ")
                .Append(key.Meaning).Append(range).Append('\n');
        }
        builder.Append("\nAny parameter may also be a distribution, sampled once per run: {dist: NAME, ...} with\n");
        foreach (string family in ParameterReader.FamilyNames)
        {
            var (required, optional) = ParameterReader.KeysOf(family);
            string keys = family == "lognormal" ? "median, p95  or  mu, sigma" : string.Join(", ", required)
                + (optional.Count > 0 ? "; optional " + string.Join(", ", optional) : "");
            builder.Append("  ").Append(family.PadRight(12)).Append(keys).Append('\n');
        }
        return builder.ToString();
    }
}
