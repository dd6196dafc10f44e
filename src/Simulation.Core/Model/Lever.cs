using System.Globalization;

namespace Simulation.Core.Model;

/// <summary>
/// What a decision maker controls (docs/decisions.md): a parameter's key path and the values it may take, a range
/// (<paramref name="Min"/> to <paramref name="Max"/>) or a list (<paramref name="Values"/>). A lever is never sampled
/// and never calibrated: it is fixed in every run, and a policy sets it.
/// </summary>
public sealed record Lever(string KeyPath, double? Min, double? Max, IReadOnlyList<double>? Values)
{
    /// <summary>True when <paramref name="value"/> is one the lever may take.</summary>
    public bool Allows(double value) => Values is { } values
        ? values.Contains(value)
        : (Min is not { } min || value >= min) && (Max is not { } max || value <= max);

    /// <summary>"from 0.2 to 1" or "one of 0, 1".</summary>
    public string Describe()
    {
        static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        return Values is { } values ? $"one of {string.Join(", ", values.Select(F))}"
            : (Min, Max) switch
            {
                ({ } min, { } max) => $"from {F(min)} to {F(max)}",
                ({ } min, null) => $"at least {F(min)}",
                (null, { } max) => $"at most {F(max)}",
                _ => "any value the parameter takes",
            };
    }
}
