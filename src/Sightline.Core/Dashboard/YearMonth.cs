using System.Globalization;

namespace Sightline.Core.Dashboard;

/// <summary>
/// A calendar month, the unit every crime count comes in (MPS and police.uk both publish by month).
/// Kept apart from <see cref="DateOnly"/> so a "day" can never leak into period arithmetic.
/// </summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public int Year { get; }
    public int Month { get; }

    public YearMonth(int year, int month)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be 1–9999.");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be 1–12.");
        Year = year;
        Month = month;
    }

    /// <summary>Months since year 0, so that differences and additions are plain integer arithmetic.</summary>
    private int Index => Year * 12 + (Month - 1);

    private static YearMonth FromIndex(int index) => new(index / 12, index % 12 + 1);

    public YearMonth AddMonths(int months) => FromIndex(Index + months);

    /// <summary>Whole months from this month to <paramref name="other"/> (positive when other is later).</summary>
    public int MonthsUntil(YearMonth other) => other.Index - Index;

    /// <summary>The year (April–March) this month's financial year starts in: March 2017 is in 2016/17.</summary>
    public FinancialYear FinancialYear => new(Month >= 4 ? Year : Year - 1);

    /// <summary>"2017-08", the form the API takes and gives.</summary>
    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>"Aug 2017", for pages.</summary>
    public string Label => new DateOnly(Year, Month, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The yyyymm integer the MPS files use as column headers (201708).</summary>
    public int ToYyyyMm() => Year * 100 + Month;

    public static YearMonth FromYyyyMm(int yyyymm) => new(yyyymm / 100, yyyymm % 100);

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Parses "2017-08" (ISO, police.uk's Month column) or "201708" (MPS column header).</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        int year, month;
        if (s.Length == 7 && s[4] == '-')
        {
            if (!int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
                || !int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)) return false;
        }
        else if (s.Length == 6)
        {
            if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
            year = n / 100;
            month = n % 100;
        }
        else return false;
        if (year < 1 || month is < 1 or > 12) return false;
        value = new YearMonth(year, month);
        return true;
    }

    public static YearMonth Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Not a month (expected yyyy-MM or yyyyMM): '{text}'.");

    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(YearMonth a, YearMonth b) => a.Index < b.Index;
    public static bool operator >(YearMonth a, YearMonth b) => a.Index > b.Index;
    public static bool operator <=(YearMonth a, YearMonth b) => a.Index <= b.Index;
    public static bool operator >=(YearMonth a, YearMonth b) => a.Index >= b.Index;
}

/// <summary>A UK financial year, April to March, named by the year it starts in: 2016 is "2016/17".</summary>
public readonly record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    public YearMonth First => new(StartYear, 4);
    public YearMonth Last => new(StartYear + 1, 3);
    public PeriodWindow Window => new(First, Last);

    /// <summary>"2016/17" as in seed 001 §1.3.6; "1999/00" across a century.</summary>
    public string Label => $"{StartYear}/{(StartYear + 1) % 100:D2}";

    public override string ToString() => Label;

    public FinancialYear AddYears(int years) => new(StartYear + years);

    /// <summary>Parses "2016/17" (the second part must follow the first) or a bare start year "2016".</summary>
    public static bool TryParse(string? text, out FinancialYear value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
        {
            value = new FinancialYear(bare);
            return true;
        }
        if (s.Length == 7 && s[4] == '/'
            && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            && end == (start + 1) % 100)
        {
            value = new FinancialYear(start);
            return true;
        }
        return false;
    }

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);
}
