using System.Globalization;

namespace Simulation.IO.Output;

/// <summary>Numbers in output files: shortest round-trip text, invariant culture, empty for NaN.</summary>
public static class NumberFormat
{
    /// <summary>The shortest text that parses back to the same double; "" for NaN or infinity.</summary>
    public static string Csv(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";
}
