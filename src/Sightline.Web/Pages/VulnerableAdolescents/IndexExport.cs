using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Audit;
using Sightline.Core.VulnerableAdolescents;

namespace Sightline.Web.Pages.VulnerableAdolescents;

/// <summary>
/// The index list as a file: the same query as the page, names only where the user may see them
/// (else a blank name beside the reference), and every export written to the audit trail.
/// </summary>
public abstract class IndexExportPage(IndexRecords index, AuditTrail audit, TimeProvider clock) : SightlinePage
{
    protected abstract string Extension { get; }
    protected abstract string ContentType { get; }
    protected abstract byte[] Write(IReadOnlyList<IndexRow> rows);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (query, _) = IndexQuery.Read(Request.Query, clock.LondonToday(), ModelState);
        // A wrong date: the list page says what is wrong with it.
        if (!ModelState.IsValid) return Redirect("/vulnerable-adolescents" + Request.QueryString);
        var cohort = await index.CohortAsync(Me, query.Date, cancellationToken);
        var rows = IndexList.Rows(cohort, query);
        var bytes = Write(rows);
        await audit.RecordNowAsync(AuditAction.Export, "index", null, null, new
        {
            list = "vulnerable-adolescents-index",
            format = Extension,
            date = query.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            flag = query.Flag,
            sort = query.Sort,
            dir = query.Descending ? "desc" : "asc",
            rows = rows.Count,
            named = rows.Count(r => r.Named),
            people = rows.Select(r => r.Member.PersonId).ToArray(),
        }, cancellationToken);
        return File(bytes, ContentType, $"vulnerable-adolescents-index-{query.Date:yyyy-MM-dd}.{Extension}");
    }
}

public static class IndexExport
{
    /// <summary>The index list as CSV (see <see cref="TableExport.Csv"/>).</summary>
    public static byte[] Csv(IReadOnlyList<IndexRow> rows) => TableExport.Csv(IndexList.ExportHeaders, rows.Select(IndexList.ExportCells));

    /// <summary>The index list as an Excel workbook of one sheet (see <see cref="TableExport.Xlsx"/>).</summary>
    public static byte[] Xlsx(IReadOnlyList<IndexRow> rows) =>
        TableExport.Xlsx("Index", IndexList.ExportHeaders, rows.Select(IndexList.ExportCells),
            h => h switch { "Reasons" => 60, "Name" => 28, "Reference" => 16, _ => Math.Max(10, h.Length + 2) });
}

public sealed class ExportCsvModel(IndexRecords index, AuditTrail audit, TimeProvider clock) : IndexExportPage(index, audit, clock)
{
    protected override string Extension => "csv";
    protected override string ContentType => "text/csv; charset=utf-8";
    protected override byte[] Write(IReadOnlyList<IndexRow> rows) => IndexExport.Csv(rows);
}

public sealed class ExportXlsxModel(IndexRecords index, AuditTrail audit, TimeProvider clock) : IndexExportPage(index, audit, clock)
{
    protected override string Extension => "xlsx";
    protected override string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    protected override byte[] Write(IReadOnlyList<IndexRow> rows) => IndexExport.Xlsx(rows);
}
