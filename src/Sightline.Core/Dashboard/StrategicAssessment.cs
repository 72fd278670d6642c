namespace Sightline.Core.Dashboard;

public readonly record struct FinancialYearVolume(FinancialYear Year, long? Volume);

/// <summary>One row of the strategic assessment table (seed 001 §1.3.6).</summary>
public sealed record StrategicRow(
    string Key,
    IReadOnlyList<FinancialYearVolume> Volumes,
    FinancialYear LatestYear,
    double? ChangeVsOneYear,
    double? ChangeVsFiveYears);

/// <summary>
/// Volumes by financial year with the latest chosen year's % change against the year before it and the year
/// five before it (§1.3.6: 2016/17 against 2015/16 and 2011/12). The comparison years are always one and
/// five before the latest chosen year, whether or not they are among the chosen columns.
/// </summary>
public static class StrategicAssessment
{
    public const string Rule =
        "Volumes are counted by financial year (April to March). The % changes compare the latest year shown with the year " +
        "before it and with the year five before it, by the dashboard's % change rule; a year with any month missing has no volume.";

    /// <summary>A row from volumes already counted by financial year (the form the seed's table gives).</summary>
    public static StrategicRow Row(string key, IReadOnlyDictionary<FinancialYear, long> volumes, IEnumerable<FinancialYear> chosen) =>
        Build(key, y => volumes.TryGetValue(y, out var v) ? v : null, chosen);

    /// <summary>A row from monthly counts.</summary>
    public static StrategicRow Row(string key, MonthlySeries series, IEnumerable<FinancialYear> chosen) =>
        Build(key, y => Periods.FinancialYearVolume(series, y), chosen);

    private static StrategicRow Build(string key, Func<FinancialYear, long?> volumeOf, IEnumerable<FinancialYear> chosen)
    {
        var years = chosen.Distinct().Order().ToList();
        if (years.Count == 0) throw new ArgumentException("Choose at least one year.", nameof(chosen));
        var latest = years[^1];
        var latestVolume = volumeOf(latest);
        return new StrategicRow(
            key,
            years.Select(y => new FinancialYearVolume(y, volumeOf(y))).ToList(),
            latest,
            Change.Percent(latestVolume, volumeOf(latest.AddYears(-1))),
            Change.Percent(latestVolume, volumeOf(latest.AddYears(-5))));
    }
}
