using System.Text.RegularExpressions;

namespace Simulation.Testing;

/// <summary>Report pages as tests read them.</summary>
public static partial class ReportText
{
    /// <summary>The page without the column names each cell carries for the phone layout, so cells read as written.</summary>
    public static string WithoutLabels(string html) => DataLabel().Replace(html, "");

    [GeneratedRegex(" data-label=\"[^\"]*\"")]
    private static partial Regex DataLabel();
}
