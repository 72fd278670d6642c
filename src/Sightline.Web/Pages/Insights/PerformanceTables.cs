using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Dashboard;
using Sightline.Core.Data;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Insights;

/// <summary>
/// The dashboard and strategic assessment pages' shared pieces: reading the query (<c>area</c>, <c>month</c>,
/// <c>years</c>) the same way for the page and its downloads, the figures as text, and the tables as rows for
/// CSV and Excel.
/// </summary>
public static class PerformanceTables
{
    public const string DefaultArea = "Barnet";
    public const string DefaultYears = "2011,2015,2016";
    public const int MaxYears = 20;

    public const string Attribution = "Contains public sector information licensed under the Open Government Licence v3.0.";

    /// <summary>The London boroughs, by name, for the area select.</summary>
    public static async Task<List<string>> BoroughsAsync(SightlineDb db, CancellationToken cancellationToken) =>
        (await db.Areas.AsNoTracking().Where(a => a.Kind == AreaKind.LondonBorough).Select(a => a.Name).ToListAsync(cancellationToken))
            .Order(StringComparer.OrdinalIgnoreCase).ToList();

    public static string AreaOf(IQueryCollection query) =>
        query["area"].FirstOrDefault() is { } a && !string.IsNullOrWhiteSpace(a) ? a.Trim() : DefaultArea;

    /// <summary>The month asked for: null for the default (the latest complete month); an error in
    /// <paramref name="modelState"/> when it is not a month.</summary>
    public static YearMonth? MonthOf(IQueryCollection query, ModelStateDictionary modelState)
    {
        var text = query["month"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (YearMonth.TryParse(text.Trim(), out var month) && month.Year is >= 1900 and <= 2999) return month;
        modelState.AddModelError("month", "Enter the month as a year and month, for example 2017-08");
        return null;
    }

    /// <summary>The financial years asked for (start years); an error in <paramref name="modelState"/> when one is not a year.</summary>
    public static List<int> YearsOf(string text, ModelStateDictionary modelState)
    {
        var parts = text.Split([',', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var years = new List<int>();
        if (parts.Length == 0) modelState.AddModelError("years", "Enter at least one financial year, for example 2011, 2015, 2016");
        else if (parts.Length > MaxYears) modelState.AddModelError("years", $"Enter at most {MaxYears} financial years");
        else
        {
            foreach (var part in parts)
            {
                if (FinancialYear.TryParse(part, out var year) && year.StartYear is >= 1900 and <= 2999) years.Add(year.StartYear);
                else
                {
                    modelState.AddModelError("years", $"Enter financial years such as 2016 or 2016/17, separated by commas ('{part}' is not one)");
                    return [];
                }
            }
        }
        return years;
    }

    /// <summary>The group the similar group rank is over (<c>group</c>), or null for the area's own most similar group.</summary>
    public static string? GroupOf(IQueryCollection query) =>
        query["group"].FirstOrDefault() is { } g && !string.IsNullOrWhiteSpace(g) ? g.Trim().ToLowerInvariant() : null;

    /// <summary>The strategic assessment's default years at a month: the latest complete financial year, the one
    /// before and five before (as start years, oldest first).</summary>
    public static IReadOnlyList<int> StrategicYearsAt(YearMonth month)
    {
        var latest = month.Month == 3 ? month.FinancialYear : month.FinancialYear.AddYears(-1);
        return [latest.StartYear - 5, latest.StartYear - 1, latest.StartYear];
    }

    public static string YearsText(IQueryCollection query) =>
        query["years"].FirstOrDefault() is { } y && !string.IsNullOrWhiteSpace(y) ? y.Trim() : DefaultYears;

    // ---- Figures as text ----

    public static string Number(long? n) => n is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "No data";

    public static string Percent(double? p) => p is { } v ? (v > 0 ? "+" : "") + v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "No data";

    public static double? RateRounded(Rate rate) => rate.Value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    public static string RateText(Rate rate) => RateRounded(rate) is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "No data";

    public static string RateBaseText(RateBase b) => b switch
    {
        RateBase.PerThousandHouseholds => "per 1,000 households",
        RateBase.PerHundredThousandAged10To17 => "per 100,000 aged 10–17",
        _ => "per 1,000 population",
    };

    public static string RankText(Rank? rank) => rank is { } r ? r.Text + (r.Tied ? " (shared)" : "") : "No data";

    /// <summary>GOV.UK tag colours: green, yellow for amber, red.</summary>
    public static string RagColour(RagRating rating) => rating switch
    {
        RagRating.Green => "green",
        RagRating.Amber => "yellow",
        _ => "red",
    };

    public static string MonthText(MonthlyException e) =>
        $"{e.Month.Label}: {Number(e.Count)}" + (e.IsException ? $" ({e.Kind})" : "") + (e.Expected is { } x ? $", expected {x.Text}" : "");

    /// <summary>"Rates use the 2015 population: the nearest year to 2017 with an estimate", or null when the year itself has one.</summary>
    public static string? PopulationNote(PerformanceDashboard d) =>
        d.Month is { } m && d.PopulationYear is { } y && y != m.Year
            ? $"Rates use the {y} population: the nearest year to {m.Year} with an estimate."
            : null;

    // ---- The dashboard as a table ----

    public static readonly string[] DashboardHeaders =
    [
        "Area", "Month", "Indicator", "Recent quarter volume", "Recent quarter previous volume", "Recent quarter % change",
        "Rolling 12 months volume", "Rolling 12 months previous volume", "Rolling 12 months % change", "Rate", "Rate base", "Rate year",
        "London rank", "London ranked", "Similar group rank", "Similar group ranked",
        "Month 1", "Month 1 count", "Month 1 exception", "Month 1 expected range",
        "Month 2", "Month 2 count", "Month 2 exception", "Month 2 expected range",
        "Month 3", "Month 3 count", "Month 3 exception", "Month 3 expected range",
        "RAG", "Factors", "Source",
    ];

    public static IEnumerable<IReadOnlyList<object?>> DashboardRows(PerformanceDashboard d) => d.Indicators.Select(line =>
    {
        var cells = new List<object?>
        {
            d.Area.Name, d.Month?.ToString(), line.Indicator.Name,
            line.RecentQuarter.Volume, line.RecentQuarter.PreviousVolume, line.RecentQuarter.ChangePercent,
            line.Rolling12.Volume, line.Rolling12.PreviousVolume, line.Rolling12.ChangePercent,
            RateRounded(line.Rate), RateBaseText(line.Rate.Base), line.Rate.DenominatorYear,
            line.LondonRank?.Position, line.LondonRank?.Of, line.SimilarGroupRank?.Position, line.SimilarGroupRank?.Of,
        };
        for (var i = 0; i < DashboardQueries.LastMonthCount; i++)
        {
            var e = i < line.LastMonths.Count ? line.LastMonths[i] : null;
            cells.Add(e?.Month.ToString());
            cells.Add(e?.Count);
            cells.Add(e is { IsException: true } ? e.Kind.ToString() : null);
            cells.Add(e?.Expected?.Text);
        }
        cells.Add(line.Rag.Rating?.ToString());
        cells.Add(string.Join("; ", line.Rag.Factors.Select(f => f.Text)));
        cells.Add(Indicators.SourceName(line.Source));
        return (IReadOnlyList<object?>)cells;
    });

    // ---- The strategic assessment as a table ----

    public static IReadOnlyList<string> StrategicHeaders(StrategicTable t) =>
        ["Area", "Indicator", .. t.Years.Select(y => y.Label), $"% change {t.Years[^1].AddYears(-1).Label} to {t.Years[^1].Label}",
         $"% change {t.Years[^1].AddYears(-5).Label} to {t.Years[^1].Label}", "Source"];

    public static IEnumerable<IReadOnlyList<object?>> StrategicRows(StrategicTable t) => t.Rows.Select(r =>
        (IReadOnlyList<object?>)[t.Area.Name, r.Indicator.Name, .. r.Row.Volumes.Select(v => (object?)v.Volume), r.Row.ChangeVsOneYear, r.Row.ChangeVsFiveYears, Indicators.SourceName(r.Indicator.Source)]);
}
