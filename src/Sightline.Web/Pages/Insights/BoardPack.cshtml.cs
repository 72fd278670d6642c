using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Audit;
using Sightline.Core.Performance;
using Sightline.Web.Pdf;

namespace Sightline.Web.Pages.Insights;

/// <summary>
/// The partnership board pack for an area and a month as a PDF download (see <see cref="BoardPackPdf"/>), from the
/// same queries as the dashboard page. A query the page would reject (a bad month, an unknown area, an area without
/// data) goes back to the page, which says what is wrong. Each download is audited as an export.
/// </summary>
public sealed class BoardPackModel(DashboardQueries queries, AuditTrail audit, TimeProvider clock) : SightlinePage
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var back = Redirect("/insights/dashboard" + Request.QueryString);
        var month = PerformanceTables.MonthOf(Request.Query, ModelState);
        if (!ModelState.IsValid) return back;
        var dashboard = await queries.BuildAsync(PerformanceTables.AreaOf(Request.Query), month, PerformanceTables.GroupOf(Request.Query), cancellationToken);
        if (dashboard?.Month is not { } m) return back;
        var strategic = await queries.StrategicAsync(dashboard.Area.Name, PerformanceTables.StrategicYearsAt(m), cancellationToken);
        // Charted from the source the dashboard used for each indicator.
        var charted = BoardPackPdf.ChartedIndicators
            .Select(key => dashboard.Indicators.FirstOrDefault(l => l.Indicator.Key == key)?.Indicator).OfType<Indicator>().ToList();
        var trends = await TrendChart.LoadAsync(queries, dashboard.Area.Id, charted, m, cancellationToken);

        var bytes = BoardPackPdf.Render(new BoardPack(dashboard, strategic!, trends), clock.GetUtcNow().UtcDateTime, Me.DisplayName);
        await audit.RecordNowAsync(AuditAction.Export, "board-pack", dashboard.Area.Name, null,
            new { format = "pdf", area = dashboard.Area.Name, month = m.ToString(), bytes = bytes.Length }, cancellationToken);
        return File(bytes, "application/pdf", $"board-pack-{PerformanceExportPage.Slug(dashboard.Area.Name)}-{m}.pdf");
    }
}
