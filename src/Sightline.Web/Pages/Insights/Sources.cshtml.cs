using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Dashboard;
using Sightline.Core.Data;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Insights;

/// <summary>
/// Where a dashboard row's figures come from: for an area, indicator and month, the stored counts behind each
/// period (recent quarter, the same quarter a year before, rolling 12 months, the 12 before) with the import run
/// (file, SHA-256, time) that added or last changed each, and the totals.
/// </summary>
public sealed class SourcesModel(DashboardSources sources, SightlineDb db) : SightlinePage
{
    public List<string> Areas { get; private set; } = [];
    public string Area { get; private set; } = PerformanceTables.DefaultArea;
    public string IndicatorKey { get; private set; } = DashboardModel.DefaultChart;
    public string MonthText { get; private set; } = "";
    public string? Source { get; private set; }
    public DashboardSourceTable? Table { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Areas = await PerformanceTables.BoroughsAsync(db, cancellationToken);
        Area = PerformanceTables.AreaOf(Request.Query);
        IndicatorKey = Request.Query["indicator"].FirstOrDefault()?.Trim() ?? DashboardModel.DefaultChart;
        MonthText = Request.Query["month"].FirstOrDefault()?.Trim() ?? "";
        Table = await SourcesTables.LoadAsync(sources, Request.Query, ModelState, cancellationToken);
        if (Table is not null) (Area, IndicatorKey, MonthText, Source) = (Table.Area.Name, Table.Indicator.Key, Table.Month.ToString(), Table.Indicator.Source);
    }

    public string DashboardLink => $"/insights/dashboard?area={Uri.EscapeDataString(Area)}&month={Uri.EscapeDataString(MonthText)}";

    public string ExportQuery => $"?area={Uri.EscapeDataString(Area)}&indicator={Uri.EscapeDataString(IndicatorKey)}&month={Uri.EscapeDataString(MonthText)}"
        + (Source is null ? "" : $"&source={Uri.EscapeDataString(Source)}");
}

/// <summary>The sources table as CSV, from the same query as the page; a query the page would reject goes back to the page.</summary>
public sealed class SourcesCsvModel(DashboardSources sources) : SightlinePage
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var table = await SourcesTables.LoadAsync(sources, Request.Query, ModelState, cancellationToken);
        if (table is null) return Redirect("/insights/dashboard/sources" + Request.QueryString);
        var name = $"dashboard-sources-{table.Area.Name.ToLowerInvariant().Replace(' ', '-')}-{table.Indicator.Key}-{table.Month}.csv";
        return File(TableExport.Csv(SourcesTables.Headers, SourcesTables.Rows(table)), TableExport.CsvContentType, name);
    }
}

public static class SourcesTables
{
    /// <summary>The table for the query (area, indicator, month — all required); null with errors in <paramref name="modelState"/> otherwise.</summary>
    public static async Task<DashboardSourceTable?> LoadAsync(DashboardSources sources, IQueryCollection query, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var key = query["indicator"].FirstOrDefault()?.Trim() ?? "";
        var source = SourceOf(query);
        if (source is not null && !Indicators.Sources.Contains(source)) modelState.AddModelError("indicator", $"'{source}' is not a source Sightline knows");
        var indicator = source is null ? Indicators.Find(key) : Indicators.Find(key, source);
        if (indicator is null && modelState.IsValid) modelState.AddModelError("indicator", "Choose an indicator from the list");
        var month = PerformanceTables.MonthOf(query, modelState);
        if (month is null && modelState.IsValid) modelState.AddModelError("month", "Enter the month as a year and month, for example 2017-08");
        if (!modelState.IsValid) return null;
        var area = PerformanceTables.AreaOf(query);
        var table = await sources.ForAsync(area, indicator!.Key, month!.Value, indicator.Source, cancellationToken);
        if (table is null) modelState.AddModelError("area", $"Choose an area from the list ('{area}' is not one)");
        return table;
    }

    /// <summary>The source the dashboard row used (<c>source</c>), or null for the indicator's first configured one.</summary>
    public static string? SourceOf(IQueryCollection query) => query["source"].FirstOrDefault()?.Trim() is { Length: > 0 } s ? s : null;

    public static string RunText(ImportRun? run) => run is null ? "Imported before runs were traced" : run.FileName;

    public static string ShaPrefix(ImportRun? run) => run is null ? "" : run.FileSha256[..Math.Min(12, run.FileSha256.Length)];

    public static string TimeText(ImportRun? run) =>
        run is null ? "" : run.FinishedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public static readonly string[] Headers = ["Period", "Month", "Source", "Category", "Subcategory", "Count", "File", "SHA-256 (first 12)", "Imported at"];

    public static IEnumerable<IReadOnlyList<object?>> Rows(DashboardSourceTable table)
    {
        foreach (var period in table.Periods)
        {
            foreach (var r in period.Rows)
                yield return [period.Name, r.Month.ToString(), r.Source, r.Category, r.Subcategory, r.Count, RunText(r.Run), ShaPrefix(r.Run), TimeText(r.Run)];
            yield return [period.Name, period.Window.Label, "", "Total", "", period.Total, "", "", ""];
        }
    }
}
