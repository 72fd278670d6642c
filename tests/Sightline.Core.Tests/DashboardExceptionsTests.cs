using Sightline.Core.Dashboard;

namespace Sightline.Core.Tests;

/// <summary>Monthly exceptions: the same month of up to 5 earlier years, mean ± 2 SD with a √mean floor.</summary>
public sealed class DashboardExceptionsTests
{
    private static readonly YearMonth Aug2017 = new(2017, 8);

    /// <summary>August in 2012–2016 with the given counts, and August 2017 with <paramref name="now"/>.</summary>
    private static MonthlySeries Augusts(long? now, params long?[] earlierOldestFirst)
    {
        var entries = new List<KeyValuePair<YearMonth, long>>();
        for (var i = 0; i < earlierOldestFirst.Length; i++)
            if (earlierOldestFirst[i] is { } c) entries.Add(new(Aug2017.AddMonths(-12 * (earlierOldestFirst.Length - i)), c));
        if (now is { } n) entries.Add(new(Aug2017, n));
        return new MonthlySeries(entries);
    }

    [Theory]
    [InlineData(164, ExceptionKind.High)]
    [InlineData(163, ExceptionKind.Within)]
    [InlineData(100, ExceptionKind.Within)]
    [InlineData(37, ExceptionKind.Within)]
    [InlineData(36, ExceptionKind.Low)]
    public void Outside_mean_plus_or_minus_two_standard_deviations_is_an_exception(long now, ExceptionKind kind)
    {
        // 100, 140, 60, 120, 80: mean 100, sample SD √1000 = 31.62 → 36.75 to 163.25.
        var result = MonthlyExceptions.Judge(Augusts(now, 100, 140, 60, 120, 80), Aug2017);
        Assert.Equal(kind, result.Kind);
        Assert.Equal(100, result.Expected!.Mean, 10);
        Assert.Equal(Math.Sqrt(1000), result.Expected.StandardDeviation, 10);
        Assert.Equal(100 - 2 * Math.Sqrt(1000), result.Expected.Lower, 10);
        Assert.Equal(100 + 2 * Math.Sqrt(1000), result.Expected.Upper, 10);
        Assert.Equal("37–163", result.Expected.Text);
        Assert.Equal(5, result.Expected.History.Count);
        Assert.Equal(kind is ExceptionKind.High or ExceptionKind.Low, result.IsException);
    }

    [Theory]
    [InlineData(120, ExceptionKind.Within)]  // on the edge is within
    [InlineData(121, ExceptionKind.High)]
    [InlineData(80, ExceptionKind.Within)]
    [InlineData(79, ExceptionKind.Low)]
    public void Years_that_happen_to_agree_do_not_make_the_range_narrower_than_a_count_varies_by_chance(long now, ExceptionKind kind)
    {
        // 100, 110, 90, 105, 95: sample SD 7.9 is below √100 = 10, so the range is 100 ± 20.
        var result = MonthlyExceptions.Judge(Augusts(now, 100, 110, 90, 105, 95), Aug2017);
        Assert.Equal(10, result.Expected!.StandardDeviation, 10);
        Assert.Equal(kind, result.Kind);
    }

    [Fact]
    public void The_range_never_goes_below_zero()
    {
        var result = MonthlyExceptions.Judge(Augusts(0, 1, 0, 2), Aug2017);
        Assert.Equal(0, result.Expected!.Lower);
        Assert.Equal(ExceptionKind.Within, result.Kind);
        Assert.Equal(ExceptionKind.High, MonthlyExceptions.Judge(Augusts(4, 1, 0, 2), Aug2017).Kind);
    }

    [Fact]
    public void Fewer_than_three_earlier_years_is_no_judgement()
    {
        Assert.Equal(ExceptionKind.NoJudgement, MonthlyExceptions.Judge(Augusts(1000, 100, 100), Aug2017).Kind);
        Assert.Null(MonthlyExceptions.Judge(Augusts(1000, 100, 100), Aug2017).Expected);
        Assert.Equal(ExceptionKind.High, MonthlyExceptions.Judge(Augusts(1000, 100, 100, 100), Aug2017).Kind);
        // A gap among the five years still counts the others.
        Assert.Equal(ExceptionKind.High, MonthlyExceptions.Judge(Augusts(1000, 100, null, 100, null, 100), Aug2017).Kind);
        Assert.Equal(ExceptionKind.NoJudgement, MonthlyExceptions.Judge(Augusts(1000, null, null, 100, null, 100), Aug2017).Kind);
    }

    [Fact]
    public void Only_the_configured_number_of_years_is_used()
    {
        // Six years back is ignored by default: 1000 then five years of 100.
        var s = Augusts(100, 1000, 100, 100, 100, 100, 100);
        var result = MonthlyExceptions.Judge(s, Aug2017);
        Assert.Equal(5, result.Expected!.History.Count);
        Assert.Equal(100, result.Expected.Mean);
        var three = MonthlyExceptions.Judge(s, Aug2017, new ExceptionSettings { Years = 3 });
        Assert.Equal(3, three.Expected!.History.Count);
        Assert.Equal(new YearMonth(2016, 8), three.Expected.History[0].Month);
        var strict = MonthlyExceptions.Judge(Augusts(125, 100, 100, 100, 100, 100), Aug2017, new ExceptionSettings { Deviations = 2 });
        var loose = MonthlyExceptions.Judge(Augusts(125, 100, 100, 100, 100, 100), Aug2017, new ExceptionSettings { Deviations = 3 });
        Assert.Equal(ExceptionKind.High, strict.Kind);
        Assert.Equal(ExceptionKind.Within, loose.Kind);
        Assert.Equal(ExceptionKind.NoJudgement,
            MonthlyExceptions.Judge(Augusts(1000, 100, 100, 100), Aug2017, new ExceptionSettings { MinimumYears = 4 }).Kind);
    }

    [Fact]
    public void A_month_without_a_count_is_no_judgement()
    {
        var result = MonthlyExceptions.Judge(Augusts(null, 100, 100, 100), Aug2017);
        Assert.Equal(ExceptionKind.NoJudgement, result.Kind);
        Assert.NotNull(result.Expected);   // the range is still shown
    }

    [Fact]
    public void The_last_three_months_are_judged_against_their_own_calendar_months()
    {
        // Summer is higher every year: a high June is not an exception just because May was low.
        var s = DashboardMathTests.Series(new YearMonth(2012, 1), 5 * 12 + 8, m => m.Month is 6 or 7 or 8 ? 200 : 100);
        var judged = MonthlyExceptions.LastMonths(s, Aug2017);
        Assert.Equal(new[] { Aug2017, new YearMonth(2017, 7), new YearMonth(2017, 6) }, judged.Select(j => j.Month));
        Assert.All(judged, j => Assert.Equal(ExceptionKind.Within, j.Kind));
        Assert.Contains("2 standard deviations", MonthlyExceptions.Method);
    }
}
