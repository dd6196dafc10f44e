using System.Globalization;
using Simulation.Core.Catalogue;

namespace Simulation.Core.Model;

/// <summary>
/// A signpost of an adaptive policy: <c>SERIES OP VALUE over K months</c>. It holds at the end of a month when the
/// series, summed over the last <paramref name="Months"/> months for a flow, or in each of them for a stock, compares
/// with <paramref name="Value"/> as <paramref name="Comparison"/> says.
/// </summary>
public sealed record PolicyTrigger(string Series, Comparison Comparison, double Value, int Months)
{
    /// <summary>The signpost as written: "arrivals.study &gt; 2000 over 3 months".</summary>
    public override string ToString()
    {
        string op = Comparison switch
        {
            Comparison.Greater => ">",
            Comparison.GreaterOrEqual => ">=",
            Comparison.Less => "<",
            _ => "<=",
        };
        return $"{Series} {op} {Value.ToString("R", CultureInfo.InvariantCulture)} over {Months} month{(Months == 1 ? "" : "s")}";
    }

    /// <summary>True when <paramref name="value"/> compares with the trigger's value as its comparison says.</summary>
    public bool Holds(double value) => Comparison switch
    {
        Comparison.Greater => value > Value,
        Comparison.GreaterOrEqual => value >= Value,
        Comparison.Less => value < Value,
        _ => value <= Value,
    };
}
