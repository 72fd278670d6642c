namespace Sightline.Core.Dashboard;

/// <summary>An inclusive run of whole months, e.g. Jun 2017 – Aug 2017.</summary>
public readonly record struct PeriodWindow
{
    public YearMonth First { get; }
    public YearMonth Last { get; }

    public PeriodWindow(YearMonth first, YearMonth last)
    {
        if (last < first) throw new ArgumentException($"A window cannot end ({last}) before it starts ({first}).");
        First = first;
        Last = last;
    }

    /// <summary>The <paramref name="months"/> months ending with <paramref name="last"/>.</summary>
    public static PeriodWindow Ending(YearMonth last, int months)
    {
        if (months < 1) throw new ArgumentOutOfRangeException(nameof(months), months, "A window has at least one month.");
        return new(last.AddMonths(-(months - 1)), last);
    }

    public int Months => First.MonthsUntil(Last) + 1;

    public bool Contains(YearMonth month) => month >= First && month <= Last;

    /// <summary>The same months shifted by whole years (the comparison period "a year before").</summary>
    public PeriodWindow ShiftYears(int years) => new(First.AddMonths(12 * years), Last.AddMonths(12 * years));

    /// <summary>The window of the same length immediately before this one.</summary>
    public PeriodWindow Preceding => new(First.AddMonths(-Months), First.AddMonths(-1));

    /// <summary>"Jun 2017 – Aug 2017" (or one month's label).</summary>
    public string Label => First == Last ? First.Label : $"{First.Label} – {Last.Label}";

    public override string ToString() => $"{First}..{Last}";
}

/// <summary>A volume in a window against the volume in its comparison window.</summary>
public sealed record PeriodComparison(
    PeriodWindow Window,
    PeriodWindow PreviousWindow,
    long? Volume,
    long? PreviousVolume)
{
    /// <summary>% change, per <see cref="Change.Rule"/>; null when either window is incomplete or the previous is 0.</summary>
    public double? ChangePercent => Change.Percent(Volume, PreviousVolume);
}

/// <summary>
/// The dashboard's periods for a chosen month M (seed 001 glossary: "Latest Quarter" and "Rolling 12
/// Months Performance"). M itself is included in every window.
/// </summary>
public static class Periods
{
    /// <summary>The 3 months ending M (the seed's "Jun17 - Aug17" for Aug 2017).</summary>
    public static PeriodWindow RecentQuarterWindow(YearMonth month) => PeriodWindow.Ending(month, 3);

    /// <summary>The 12 months ending M ("Sep 2016 – Aug 2017" for Aug 2017).</summary>
    public static PeriodWindow Rolling12Window(YearMonth month) => PeriodWindow.Ending(month, 12);

    /// <summary>Recent quarter against the same three months a year before (not the quarter before:
    /// comparing like seasons is what the seed's "Change vs. previous yr." means).</summary>
    public static PeriodComparison RecentQuarter(MonthlySeries series, YearMonth month)
    {
        var window = RecentQuarterWindow(month);
        var previous = window.ShiftYears(-1);
        return new(window, previous, series.Sum(window), series.Sum(previous));
    }

    /// <summary>Rolling 12 months ending M against the 12 months before them
    /// (glossary: "Jan 2013-Dec 2013 vs. Jan 2012-Dec 2012").</summary>
    public static PeriodComparison Rolling12(MonthlySeries series, YearMonth month)
    {
        var window = Rolling12Window(month);
        var previous = window.Preceding;
        return new(window, previous, series.Sum(window), series.Sum(previous));
    }

    /// <summary>The last <paramref name="count"/> months, newest first as the seed's columns
    /// (Aug-17, Jul-17, Jun-17); a month without data has a null count.</summary>
    public static IReadOnlyList<MonthCount> LastMonths(MonthlySeries series, YearMonth month, int count = 3) =>
        Enumerable.Range(0, count).Select(i => month.AddMonths(-i)).Select(m => new MonthCount(m, series[m])).ToList();

    /// <summary>A financial year's volume (April–March), null unless all twelve months have data.</summary>
    public static long? FinancialYearVolume(MonthlySeries series, FinancialYear year) => series.Sum(year.Window);

    /// <summary>The latest month M for which the rolling 12 months and their comparison 12 are complete —
    /// the dashboard's default "latest complete month". Null when the series has no such month.</summary>
    public static YearMonth? LatestCompleteMonth(MonthlySeries series)
    {
        if (series.Latest is not { } m) return null;
        for (; m >= series.Earliest!.Value.AddMonths(23); m = m.AddMonths(-1))
            if (series.Sum(PeriodWindow.Ending(m, 24)) is not null) return m;
        return null;
    }
}

public readonly record struct MonthCount(YearMonth Month, long? Count);
