using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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
    /// <summary>
    /// CSV (UTF-8 with a byte-order mark, so Excel reads it as UTF-8). A cell starting with = + - @
    /// (or a tab or carriage return) is prefixed with a single quote, so a spreadsheet never runs it
    /// as a formula.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<IndexRow> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var header in IndexList.ExportHeaders) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in IndexList.ExportCells(row))
                    csv.WriteField(cell is int number ? number.ToString(CultureInfo.InvariantCulture) : (string)cell);
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// An Excel workbook of one sheet: a bold header row, frozen, then a row per young person.
    /// Text is written as inline strings, which Excel shows as text and never evaluates.
    /// </summary>
    public static byte[] Xlsx(IReadOnlyList<IndexRow> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
                new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                    new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true }) { Count = 2 });

            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var columns = new Columns(IndexList.ExportHeaders.Select((h, i) => new Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), CustomWidth = true,
                Width = h switch { "Reasons" => 60, "Name" => 28, "Reference" => 16, _ => Math.Max(10, h.Length + 2) },
            }));
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { TabSelected = true, WorkbookViewId = 0 }),
                columns,
                data);

            data.Append(SheetRow(1, IndexList.ExportHeaders, bold: true));
            var number = 2u;
            foreach (var row in rows) data.Append(SheetRow(number++, IndexList.ExportCells(row), bold: false));

            workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Index" }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row SheetRow(uint number, IEnumerable<object> cells, bool bold)
    {
        var row = new Row { RowIndex = number };
        var column = 0;
        foreach (var value in cells)
        {
            var reference = ColumnName(column++) + number.ToString(CultureInfo.InvariantCulture);
            var cell = value is int n
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) }
                : new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(XmlSafe((string)value)) { Space = SpaceProcessingModeValues.Preserve }),
                };
            if (bold) cell.StyleIndex = 1;
            row.Append(cell);
        }
        return row;
    }

    /// <summary>A, B, … Z, AA, AB, …</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>Text without the characters XML cannot carry (which would make the file unreadable).</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) safe.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) safe.Append(text, i++, 2);
        }
        return safe.ToString();
    }
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
