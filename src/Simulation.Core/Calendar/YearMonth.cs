using System.Globalization;

namespace Simulation.Core.Calendar;

/// <summary>A calendar month such as 2022-09; month 0 of a scenario is its <c>start</c>.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    /// <summary>Months since January of year 0, so that differences count months.</summary>
    public int Ordinal => Year * 12 + (Month - 1);

    /// <summary>The month <paramref name="months"/> later (earlier when negative).</summary>
    public YearMonth AddMonths(int months)
    {
        int ordinal = Ordinal + months;
        return new YearMonth(Math.DivRem(ordinal, 12, out int remainder), remainder + 1);
    }

    /// <summary>Months from <paramref name="other"/> to this month.</summary>
    public int MonthsSince(YearMonth other) => Ordinal - other.Ordinal;

    /// <summary>Parses exactly YYYY-MM (year 1..9999, month 01..12).</summary>
    public static bool TryParse(string text, out YearMonth value)
    {
        value = default;
        if (text.Length != 7 || text[4] != '-')
        {
            return false;
        }
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            || year < 1 || month < 1 || month > 12)
        {
            return false;
        }
        value = new YearMonth(year, month);
        return true;
    }

    /// <summary>The first day of the month, for plotting calendar axes.</summary>
    public DateTime ToDateTime() => new(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);

    /// <summary>YYYY-MM.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
