namespace Sightline.Core.Dashboard;

/// <summary>How far back and how wide the expected range of a month is.</summary>
public sealed record ExceptionSettings
{
    /// <summary>How many earlier years of the same calendar month to look at (default 5).</summary>
    public int Years { get; init; } = 5;

    /// <summary>The fewest of those years that must have data before any judgement is made (default 3).</summary>
    public int MinimumYears { get; init; } = 3;

    /// <summary>The half-width of the range in standard deviations (default 2).</summary>
    public double Deviations { get; init; } = 2;

    public static ExceptionSettings Default { get; } = new();
}

/// <summary>The range a month's count was expected to fall in, and the history it came from.</summary>
public sealed record ExpectedRange(double Mean, double StandardDeviation, double Lower, double Upper, IReadOnlyList<MonthCount> History)
{
    public string Text => $"{Math.Round(Lower, MidpointRounding.AwayFromZero):0}–{Math.Round(Upper, MidpointRounding.AwayFromZero):0}";
}

public enum ExceptionKind
{
    /// <summary>No count for the month, or too little history to judge.</summary>
    NoJudgement,
    Within,
    High,
    Low,
}

public sealed record MonthlyException(YearMonth Month, long? Count, ExpectedRange? Expected, ExceptionKind Kind)
{
    public bool IsException => Kind is ExceptionKind.High or ExceptionKind.Low;
}

/// <summary>
/// "Monthly exceptions (unusually high or low volume)", seed 001. A month is judged against the same
/// calendar month of earlier years, so that seasonality (summer violence, winter burglary) is not
/// mistaken for an exception. The range is mean ± 2 standard deviations rather than the earlier
/// years' min–max: with only 3–5 points a min–max range is set by a single odd year, whereas the
/// standard deviation uses every year. Because 3–5 points can also agree by chance (a standard
/// deviation near 0 would make any change an "exception"), the deviation is never taken as less than
/// √mean — the natural spread of a count of independent events (Poisson).
/// </summary>
public static class MonthlyExceptions
{
    public const string Method =
        "A month is an exception when its count is above or below the range expected from the same month in up to the 5 previous years: " +
        "their mean ± 2 standard deviations (sample standard deviation, but never less than the square root of the mean; the range never " +
        "goes below 0). A count on the edge of the range is within it. With fewer than 3 of those years having data, no judgement is made.";

    /// <summary>The expected range for <paramref name="month"/>, or null with too little history.</summary>
    public static ExpectedRange? ExpectedFor(MonthlySeries series, YearMonth month, ExceptionSettings? settings = null)
    {
        settings ??= ExceptionSettings.Default;
        var history = Enumerable.Range(1, settings.Years)
            .Select(y => month.AddMonths(-12 * y))
            .Select(m => new MonthCount(m, series[m]))
            .Where(c => c.Count.HasValue)
            .ToList();
        if (history.Count < Math.Max(2, settings.MinimumYears)) return null;

        var values = history.Select(c => (double)c.Count!.Value).ToList();
        var mean = values.Average();
        var sampleSd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var sd = Math.Max(sampleSd, Math.Sqrt(mean));
        var lower = Math.Max(0, mean - settings.Deviations * sd);
        var upper = mean + settings.Deviations * sd;
        return new ExpectedRange(mean, sd, lower, upper, history);
    }

    public static MonthlyException Judge(MonthlySeries series, YearMonth month, ExceptionSettings? settings = null)
    {
        var count = series[month];
        var expected = ExpectedFor(series, month, settings);
        var kind = (count, expected) switch
        {
            (null, _) or (_, null) => ExceptionKind.NoJudgement,
            ({ } c, { } e) when c > e.Upper => ExceptionKind.High,
            ({ } c, { } e) when c < e.Lower => ExceptionKind.Low,
            _ => ExceptionKind.Within,
        };
        return new MonthlyException(month, count, expected, kind);
    }

    /// <summary>The judgement for each of the last <paramref name="months"/> months ending M, newest first
    /// (the dashboard lists the exceptions among them, e.g. "Aug 2017: 231").</summary>
    public static IReadOnlyList<MonthlyException> LastMonths(MonthlySeries series, YearMonth month, int months = 3, ExceptionSettings? settings = null) =>
        Enumerable.Range(0, months).Select(i => Judge(series, month.AddMonths(-i), settings)).ToList();
}
