using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Core.Discovery;

/// <summary>One comparison of a run's metric with a value, e.g. remittances_usd &gt; 1e9.</summary>
public sealed record OutcomeClause(Metric Metric, Comparison Comparison, double Value)
{
    /// <summary>True when <paramref name="value"/> satisfies the clause; a missing value (NaN: a censored event that did not happen) never does.</summary>
    public bool Holds(double value) => !double.IsNaN(value) && Comparison switch
    {
        Comparison.Greater => value > Value,
        Comparison.GreaterOrEqual => value >= Value,
        Comparison.Less => value < Value,
        _ => value <= Value,
    };

    /// <inheritdoc/>
    public override string ToString() => $"{OutputCatalogue.Of(Metric).Name} {Symbol} {Number}";

    // Large round amounts read as written ("1e9"), not as a row of zeros.
    private string Number => Value.ToString(Math.Abs(Value) >= 1e6 ? "0.######e0" : "R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The comparison as written.</summary>
    public string Symbol => Comparison switch
    {
        Comparison.Greater => ">",
        Comparison.GreaterOrEqual => ">=",
        Comparison.Less => "<",
        _ => "<=",
    };
}
