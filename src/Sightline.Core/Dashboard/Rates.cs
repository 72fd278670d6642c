namespace Sightline.Core.Dashboard;

/// <summary>What a rate is "per": the seed ranks crime per 1,000 population, residential burglary per
/// 1,000 households, and first-time entrants per 100,000 young people aged 10–17.</summary>
public enum RateBase
{
    PerThousandPopulation,
    PerThousandHouseholds,
    PerHundredThousandAged10To17,
}

/// <summary>A denominator (population, households, aged 10–17) by year for one area.</summary>
public sealed class Denominators
{
    private readonly SortedDictionary<int, long> _byYear;

    public Denominators(IEnumerable<KeyValuePair<int, long>> byYear)
    {
        _byYear = new SortedDictionary<int, long>();
        foreach (var (year, value) in byYear)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(byYear), value, $"A denominator cannot be negative ({year}).");
            if (!_byYear.TryAdd(year, value)) throw new ArgumentException($"Year {year} given twice.", nameof(byYear));
        }
    }

    public Denominators(IReadOnlyDictionary<int, long> byYear) : this(byYear.AsEnumerable()) { }

    /// <summary>The figure for <paramref name="year"/>, or else the nearest year that has one. When two years are
    /// equally near, the earlier is used: it is the estimate that was already published at the time.
    /// Null when there is no figure at all.</summary>
    public (int Year, long Value)? Nearest(int year)
    {
        if (_byYear.TryGetValue(year, out var exact)) return (year, exact);
        (int Year, long Value)? best = null;
        foreach (var (y, v) in _byYear)
            if (best is null || Math.Abs(y - year) < Math.Abs(best.Value.Year - year)) best = (y, v);
        return best;
    }
}

/// <summary>A rate and where its denominator came from, so the page can say
/// "rate uses 2016 population (2017 not available)".</summary>
public sealed record Rate(double? Value, int RequestedYear, int? DenominatorYear, long? Denominator, RateBase Base)
{
    /// <summary>True when the denominator is from another year than the period's.</summary>
    public bool NearestYearUsed => DenominatorYear is { } y && y != RequestedYear;
}

public static class Rates
{
    public const string Rule =
        "Rate = volume over the rolling 12 months × base ÷ the area's denominator (population, households, or people aged 10–17) " +
        "for the calendar year the 12 months end in; when that year has no figure the nearest year is used (the earlier when two are " +
        "equally near) and the page says which.";

    public static int Multiplier(RateBase b) => b switch
    {
        RateBase.PerThousandPopulation or RateBase.PerThousandHouseholds => 1_000,
        RateBase.PerHundredThousandAged10To17 => 100_000,
        _ => throw new ArgumentOutOfRangeException(nameof(b), b, null),
    };

    /// <summary>The rate of a volume for a period ending in <paramref name="periodYear"/>. Null value when there is no
    /// volume, no denominator in any year, or the denominator is 0. Not rounded: ranks compare exact rates.</summary>
    public static Rate Of(long? volume, Denominators denominators, int periodYear, RateBase rateBase)
    {
        var found = denominators.Nearest(periodYear);
        double? value = volume is { } v && found is { Value: > 0 } d ? (double)v * Multiplier(rateBase) / d.Value : null;
        return new Rate(value, periodYear, found?.Year, found?.Value, rateBase);
    }

    /// <summary>The rate over the rolling 12 months ending <paramref name="month"/> (the dashboard's rate column).</summary>
    public static Rate Rolling12(MonthlySeries series, YearMonth month, Denominators denominators, RateBase rateBase) =>
        Of(series.Sum(Periods.Rolling12Window(month)), denominators, month.Year, rateBase);
}
