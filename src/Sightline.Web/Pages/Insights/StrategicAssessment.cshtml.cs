using Sightline.Core.Data;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Insights;

/// <summary>The strategic assessment table (seed 001 §1.3.6): volumes by financial year for chosen years, with the
/// latest year's % change against one and five years before.</summary>
public sealed class StrategicAssessmentModel(DashboardQueries queries, SightlineDb db) : SightlinePage
{
    public List<string> Areas { get; private set; } = [];
    public string Area { get; private set; } = PerformanceTables.DefaultArea;
    public string Years { get; private set; } = PerformanceTables.DefaultYears;
    public StrategicTable? Table { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Areas = await PerformanceTables.BoroughsAsync(db, cancellationToken);
        Area = PerformanceTables.AreaOf(Request.Query);
        Years = PerformanceTables.YearsText(Request.Query);
        var years = PerformanceTables.YearsOf(Years, ModelState);
        if (!ModelState.IsValid) return;
        Table = await queries.StrategicAsync(Area, years, cancellationToken);
        if (Table is null) ModelState.AddModelError("area", $"Choose an area from the list ('{Area}' is not one)");
        else Area = Table.Area.Name;
    }

    public string ExportQuery => $"?area={Uri.EscapeDataString(Area)}&years={Uri.EscapeDataString(Years)}";

    /// <summary>True when no chosen year has any volume.</summary>
    public bool NoData => Table is { } t && t.Rows.All(r => r.Row.Volumes.All(v => v.Volume is null));
}
