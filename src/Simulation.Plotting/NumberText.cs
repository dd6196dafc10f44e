using System.Globalization;
using Simulation.Core.Catalogue;

namespace Simulation.Plotting;

/// <summary>
/// Numbers as charts, reports and headlines print them: three significant figures (what the quantile sketch, accurate
/// to 0.8%, and a Monte Carlo mean support), more only where a standard error says the digits are real; money in
/// dollars with M and B; probabilities in percent.
/// </summary>
public static class NumberText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><paramref name="value"/> rounded to <paramref name="digits"/> significant figures.</summary>
    public static double Round(double value, int digits = 3)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }
        double unit = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - digits + 1);
        return Math.Round(value / unit, MidpointRounding.AwayFromZero) * unit;
    }

    /// <summary>A value of an output of kind <paramref name="kind"/> to three significant figures ("15,000", "$304M", "39.3%").</summary>
    public static string Of(double value, OutputKind kind) => kind switch
    {
        _ when double.IsNaN(value) => "—",
        OutputKind.Money => Money(value),
        OutputKind.ZeroOne => Percent(value),
        _ => Count(value),
    };

    /// <summary>A value of <paramref name="metric"/> to three significant figures.</summary>
    public static string Of(double value, Metric metric) => Of(value, OutputCatalogue.Of(metric).Kind);

    /// <summary>A metric's mean and its standard error (<see cref="WithError(double, double, OutputKind)"/>).</summary>
    public static string WithError(Simulation.Core.Summaries.SummaryStatistics statistics, Metric metric) =>
        WithError(statistics.Mean, statistics.Se, OutputCatalogue.Of(metric).Kind);

    /// <summary>What "±" means, said wherever it appears.</summary>
    public const string ErrorNote = "± is one Monte Carlo standard error of the mean (about two of them on either side make a 95% interval); percentiles come from a sketch accurate to 0.8%, so they are given to three significant figures.";

    /// <summary>
    /// A sensitivity index to <paramref name="decimals"/> places: rounded first, so that -0.0003 prints "0.000", never
    /// "-0.000" (a share of variance, whose estimate may dip below 0 by sampling noise); "—" for NaN.
    /// </summary>
    public static string Index(double value, int decimals = 3)
    {
        if (double.IsNaN(value))
        {
            return "—";
        }
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The first-order index as shown beside the total: a first-order share of variance cannot exceed the total, so an
    /// estimate above it (sampling noise, typically for an input with no effect) is shown at the total.
    /// </summary>
    public static double FirstOrderShown(double firstOrder, double total) => firstOrder > total ? total : firstOrder;

    /// <summary>
    /// What ± means under a sampling design other than independent draws: the standard error is the independent-draws
    /// formula, which a stratified design's means beat, so it is an upper bound (empty for independent draws).
    /// </summary>
    public static string DesignNote(Simulation.Core.Sampling.SamplingMethod sampling) => sampling switch
    {
        Simulation.Core.Sampling.SamplingMethod.LatinHypercube => " Under the Latin hypercube design the inputs are stratified, so the mean varies less than independent draws would make it: ± (the formula for independent draws) overstates its error; read it as an upper bound.",
        Simulation.Core.Sampling.SamplingMethod.Sobol => " Under the Sobol' design the inputs fill their space evenly, so the mean varies less than independent draws would make it: ± (the formula for independent draws) overstates its error; read it as an upper bound.",
        _ => "",
    };

    /// <summary>A value as a chart's legend or axis states it, unrounded: "12,345" for counts, "$1.2B", "$340M", "$12,000" for money.</summary>
    public static string Axis(double value, OutputKind kind) =>
        kind == OutputKind.Money ? Money(value)
        : value.ToString(Math.Abs(value) < 10 && value != Math.Floor(value) ? "N2" : "N0", Invariant);

    /// <summary>
    /// A tick label: ticks are round numbers, so trailing zeros after a decimal point ("$1.90B") would claim a
    /// precision the axis does not have; they go ("$1.9B"). Probabilities in whole percent.
    /// </summary>
    public static string Tick(double value, OutputKind kind)
    {
        if (kind == OutputKind.ZeroOne)
        {
            return (100 * value).ToString("0", Invariant) + "%";
        }
        string text = Axis(value, kind);
        return kind == OutputKind.Money ? WithoutTrailingZeros(text) : text;
    }

    // "$1.90B" -> "$1.9B", "$0.500M" -> "$0.5M": zeros after a decimal point, before the unit, go.
    private static string WithoutTrailingZeros(string money)
    {
        if (!money.Contains('.'))
        {
            return money;
        }
        int suffix = money.Length;
        while (suffix > 0 && !char.IsDigit(money[suffix - 1]))
        {
            suffix--;
        }
        return money[..suffix].TrimEnd('0').TrimEnd('.') + money[suffix..];
    }

    /// <summary>
    /// A tick label on an axis reaching <paramref name="axisLargest"/>: money in the one unit the axis's largest value
    /// takes ("$0.5M" beside "$6M", never "$500,000" beside "$6M"), trailing zeros dropped; other kinds as <see cref="Tick(double, OutputKind)"/>.
    /// </summary>
    public static string Tick(double value, OutputKind kind, double axisLargest)
    {
        if (kind != OutputKind.Money || !double.IsFinite(axisLargest) || value == 0)
        {
            return Tick(value, kind);
        }
        var scale = Scale(axisLargest);
        return WithoutTrailingZeros(MoneyAt(value, scale.Divisor / 1000, scale));
    }

    /// <summary>A count to three significant figures with thousands separators ("15,000", "0.52").</summary>
    public static string Count(double value) => Fixed(Round(value), UnitOf(value));

    /// <summary>Dollars to three significant figures: "$304M", "$1.25B", "$12,300", "$0".</summary>
    public static string Money(double value) => MoneyAt(Round(value), UnitOf(value));

    /// <summary>A value of any unit to three significant figures: with thousands separators from 1,000, else as "0.731" or "6.2".</summary>
    public static string Plain(double value) => Math.Abs(value) >= 1000 ? Count(value) : Round(value).ToString("G3", Invariant);

    /// <summary>
    /// A value the user set (a lever's grid point), as set: "0.25", "1", "12,000"; never the trailing zeros of a
    /// rounded estimate ("1.00"), which would claim a precision it does not have to have.
    /// </summary>
    public static string AsGiven(double value) =>
        Math.Abs(value) >= 1000 && value == Math.Floor(value) ? value.ToString("N0", Invariant) : value.ToString("0.######", Invariant);

    /// <summary>A probability in percent with one decimal ("39.3%").</summary>
    public static string Percent(double p) => double.IsNaN(p) ? "—" : (100 * p).ToString("0.0", Invariant) + "%";

    /// <summary>A probability the user gave (a bound, a target), as given: 0.31 reads "31%", 0.105 "10.5%".</summary>
    public static string PercentAsGiven(double p) => (100 * p).ToString("0.####", Invariant) + "%";

    /// <summary>
    /// A probability to two decimals of a percent ("30.98%"), where it is compared with a bound it may sit just above
    /// or below: at one decimal, 30.98% and 31.02% would both read 31.0% yet one meets a bound of 31% and one does not.
    /// </summary>
    public static string PercentAgainstBound(double p) => double.IsNaN(p) ? "—" : (100 * p).ToString("0.00", Invariant) + "%";

    /// <summary>A standard error of a probability in percentage points ("0.2").</summary>
    public static string Points(double se) => (100 * se).ToString(se < 0.0005 ? "0.00" : "0.0", Invariant);

    /// <summary>
    /// A mean and its standard error: the mean to three significant figures, or to the standard error's first digit
    /// when that is finer; the standard error to two ("15,110 ± 52", "$335.1M ± $0.96M").
    /// </summary>
    public static string WithError(double mean, double se, OutputKind kind)
    {
        if (double.IsNaN(mean))
        {
            return "—";
        }
        if (kind == OutputKind.ZeroOne)
        {
            return $"{Percent(mean)} ± {Points(se)} points";
        }
        double unit = UnitOf(mean);
        if (se > 0 && double.IsFinite(se))
        {
            unit = Math.Min(unit, Math.Pow(10, Math.Floor(Math.Log10(se))));
        }
        double roundedMean = Math.Round(mean / unit, MidpointRounding.AwayFromZero) * unit;
        double seUnit = se > 0 && double.IsFinite(se) ? Math.Pow(10, Math.Floor(Math.Log10(se)) - 1) : unit;
        double roundedSe = Math.Round(se / seUnit, MidpointRounding.AwayFromZero) * seUnit;
        return kind == OutputKind.Money
            ? $"{MoneyAt(roundedMean, unit)} ± {MoneyAt(roundedSe, seUnit, Scale(roundedMean))}"
            : $"{Fixed(roundedMean, unit)} ± {Fixed(roundedSe, seUnit)}";
    }

    /// <summary>The place of the third significant figure of <paramref name="value"/> (1 for whole numbers up to 999).</summary>
    private static double UnitOf(double value) =>
        value == 0 || !double.IsFinite(value) ? 1 : Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - 2);

    private static string Fixed(double value, double unit)
    {
        int decimals = unit >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(unit) - 1e-9);
        return value.ToString("N" + decimals.ToString(Invariant), Invariant);
    }

    private static (double Divisor, string Suffix) Scale(double value) => Math.Abs(value) switch
    {
        >= 1e9 => (1e9, "B"),
        >= 1e6 => (1e6, "M"),
        _ => (1, ""),
    };

    private static string MoneyAt(double value, double unit) => MoneyAt(value, unit, Scale(value));

    private static string MoneyAt(double value, double unit, (double Divisor, string Suffix) scale)
    {
        if (!double.IsFinite(value))
        {
            return "—";
        }
        string sign = value < 0 ? "-" : "";
        return sign + "$" + Fixed(Math.Abs(value) / scale.Divisor, unit / scale.Divisor) + scale.Suffix;
    }
}
