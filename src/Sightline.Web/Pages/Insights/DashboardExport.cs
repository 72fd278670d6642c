using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Insights;

/// <summary>The dashboard or the strategic assessment table as a file, from the same query as the page; a query the
/// page would reject goes back to the page, which says what is wrong.</summary>
public abstract class PerformanceExportPage(DashboardQueries queries) : SightlinePage
{
    protected abstract bool Xlsx { get; }
    protected abstract bool Strategic { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var area = PerformanceTables.AreaOf(Request.Query);
        var page = Strategic ? "/insights/strategic-assessment" : "/insights/dashboard";
        var extension = Xlsx ? "xlsx" : "csv";
        string name;
        IReadOnlyList<string> headers;
        List<IReadOnlyList<object?>> rows;
        if (Strategic)
        {
            var years = PerformanceTables.YearsOf(PerformanceTables.YearsText(Request.Query), ModelState);
            if (!ModelState.IsValid) return Redirect(page + Request.QueryString);
            var table = await queries.StrategicAsync(area, years, cancellationToken);
            if (table is null) return Redirect(page + Request.QueryString);
            headers = PerformanceTables.StrategicHeaders(table);
            rows = PerformanceTables.StrategicRows(table).ToList();
            name = $"strategic-assessment-{Slug(table.Area.Name)}-{string.Join('-', table.Years.Select(y => y.StartYear))}";
        }
        else
        {
            var month = PerformanceTables.MonthOf(Request.Query, ModelState);
            if (!ModelState.IsValid) return Redirect(page + Request.QueryString);
            var dashboard = await queries.BuildAsync(area, month, PerformanceTables.GroupOf(Request.Query), cancellationToken);
            if (dashboard?.Month is null) return Redirect(page + Request.QueryString);
            headers = PerformanceTables.DashboardHeaders;
            rows = PerformanceTables.DashboardRows(dashboard).ToList();
            name = $"dashboard-{Slug(dashboard.Area.Name)}-{dashboard.Month}";
        }
        return Xlsx
            ? File(TableExport.Xlsx(Strategic ? "Strategic assessment" : "Dashboard", headers, rows, h => h is "Factors" ? 80 : Math.Max(10, h.Length + 2)), TableExport.XlsxContentType, $"{name}.{extension}")
            : File(TableExport.Csv(headers, rows), TableExport.CsvContentType, $"{name}.{extension}");
    }

    public static string Slug(string name) =>
        string.Join('-', name.ToLowerInvariant().Split([' ', '&', '/'], StringSplitOptions.RemoveEmptyEntries));
}

public sealed class DashboardCsvModel(DashboardQueries queries) : PerformanceExportPage(queries)
{
    protected override bool Xlsx => false;
    protected override bool Strategic => false;
}

public sealed class DashboardXlsxModel(DashboardQueries queries) : PerformanceExportPage(queries)
{
    protected override bool Xlsx => true;
    protected override bool Strategic => false;
}

public sealed class StrategicCsvModel(DashboardQueries queries) : PerformanceExportPage(queries)
{
    protected override bool Xlsx => false;
    protected override bool Strategic => true;
}

public sealed class StrategicXlsxModel(DashboardQueries queries) : PerformanceExportPage(queries)
{
    protected override bool Xlsx => true;
    protected override bool Strategic => true;
}
