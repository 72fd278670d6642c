using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Dashboard;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Insights;

/// <summary>The partner measures table of the dashboard (partial <c>_PartnerMeasures</c>) and its CSV: text shared by both.</summary>
public static class PartnerMeasuresTable
{
    public static string ValueText(decimal? value, PartnerIndicator indicator) => value is { } v
        ? v.ToString(indicator.Unit == MeasureUnit.Count ? "#,##0.####" : "0.0###", CultureInfo.InvariantCulture) + (indicator.Unit == MeasureUnit.Percent ? "%" : "")
        : "No data";

    public static string ChangeText(PartnerMeasureLine line) => line.Change is { } c
        ? (c > 0 ? "+" : "") + c.ToString("#,##0.####", CultureInfo.InvariantCulture) + (line.Indicator.Unit == MeasureUnit.Percent ? " points" : "")
        : "No data";

    public static string BetterText(PartnerMeasureLine line) => line.Better switch
    {
        true => "Better",
        false => "Worse",
        null => line.Change is null ? "No comparison" : "No change",
    };

    public static string PolarityText(PartnerIndicator indicator) =>
        indicator.Polarity == Polarity.LowerIsBetter ? "lower is better" : "higher is better";

    public static readonly string[] Headers = ["Measure", "Key", "Period", "Value", "Same period a year before", "Change", "Better or worse", "Polarity", "Source file"];

    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<PartnerMeasureLine> lines) => lines.Select(l => (IReadOnlyList<object?>)
    [
        l.Indicator.Name, l.Indicator.Key, l.Period.ToString(), (double)l.Value, l.YearBefore is { } b ? (double)b : null,
        l.Change is { } c ? (double)c : null, BetterText(l), PolarityText(l.Indicator), l.SourceFile,
    ]);
}

/// <summary>The dashboard's partner measures as CSV for an area and month (default: every period).</summary>
public sealed class PartnerMeasuresCsvModel(DashboardQueries queries, PartnerMeasures measures) : SightlinePage
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var month = PerformanceTables.MonthOf(Request.Query, ModelState);
        var area = await queries.FindAreaAsync(PerformanceTables.AreaOf(Request.Query), cancellationToken);
        if (!ModelState.IsValid || area is null) return Redirect("/insights/dashboard" + Request.QueryString);
        var lines = await measures.ForAsync(area.Id, month, cancellationToken);
        var name = $"partner-measures-{area.Name.ToLowerInvariant().Replace(' ', '-')}{(month is { } m ? "-" + m : "")}.csv";
        return File(TableExport.Csv(PartnerMeasuresTable.Headers, PartnerMeasuresTable.Rows(lines)), TableExport.CsvContentType, name);
    }
}
