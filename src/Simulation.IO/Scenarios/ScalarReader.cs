using System.Globalization;
using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>Reads numbers, whole numbers and months from YAML scalars, reporting what is wrong and how to fix it.</summary>
public static class ScalarReader
{
    /// <summary>A finite number; otherwise a problem is recorded and false returned.</summary>
    public static bool TryNumber(YamlNode node, string path, ProblemList problems, out double value)
    {
        value = 0;
        if (node is not YamlScalar scalar)
        {
            problems.Add(node, path, $"must be a number, got {node.Describe()}");
            return false;
        }
        if (scalar.IsNull)
        {
            problems.Add(node, path, "must be a number, got nothing (an empty value); write a number after the colon");
            return false;
        }
        if (scalar.IsQuoted)
        {
            problems.Add(node, path, $"must be a number, got {scalar.Describe()}; remove the quotes");
            return false;
        }
        string text = scalar.Value.Trim();
        string lower = text.ToLowerInvariant();
        if (lower is ".nan" or "nan" or ".inf" or "+.inf" or "-.inf" or "inf" or "-inf" or "+inf" or "infinity" or "-infinity")
        {
            problems.Add(node, path, $"must be a finite number, got {text}");
            return false;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            string hint = text.Contains(',') ? "; write numbers without thousands separators, with '.' for decimals" : "";
            problems.Add(node, path, $"must be a number, got {scalar.Describe()}{hint}");
            return false;
        }
        if (!double.IsFinite(value))
        {
            problems.Add(node, path, $"must be a finite number, got {text} (too large for a double)");
            return false;
        }
        return true;
    }

    /// <summary>A whole number within <paramref name="range"/>.</summary>
    public static bool TryInteger(YamlNode node, string path, ValueRange range, ProblemList problems, out long value)
    {
        value = 0;
        if (!TryNumber(node, path, problems, out double number))
        {
            return false;
        }
        if (Math.Floor(number) != number)
        {
            problems.Add(node, path, $"must be a whole number, got {Show(node)}");
            return false;
        }
        if (!range.Contains(number))
        {
            problems.Add(node, path, $"must be a whole number {range.Describe()}, got {Show(node)}");
            return false;
        }
        value = (long)number;
        return true;
    }

    /// <summary>Any signed 64-bit whole number, read exactly (not through a double).</summary>
    public static bool TrySeed(YamlNode node, string path, ProblemList problems, out long value)
    {
        value = 0;
        if (node is YamlScalar { IsQuoted: false, IsNull: false } scalar
            && long.TryParse(scalar.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        problems.Add(node, path, $"must be a whole number between {long.MinValue} and {long.MaxValue}, got {node.Describe()}");
        return false;
    }

    /// <summary>true or false.</summary>
    public static bool TryBoolean(YamlNode node, string path, ProblemList problems, out bool value)
    {
        value = false;
        if (node is YamlScalar { IsQuoted: false } scalar && scalar.Value.Trim() is "true" or "false")
        {
            value = scalar.Value.Trim() == "true";
            return true;
        }
        problems.Add(node, path, $"must be true or false, got {node.Describe()}");
        return false;
    }

    /// <summary>A calendar month written YYYY-MM.</summary>
    public static bool TryMonth(YamlNode node, string path, ProblemList problems, out YearMonth month)
    {
        month = default;
        if (node is YamlScalar { IsNull: false } scalar && YearMonth.TryParse(scalar.Value.Trim(), out month))
        {
            return true;
        }
        problems.Add(node, path, $"must be a month written YYYY-MM, e.g. 2022-09, got {node.Describe()}");
        return false;
    }

    /// <summary>The node's text as the user wrote it, for messages.</summary>
    public static string Show(YamlNode node) => node is YamlScalar scalar ? scalar.Value : node.Describe();
}
