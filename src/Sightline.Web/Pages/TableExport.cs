using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sightline.Web.Pages;

/// <summary>
/// A table as a file: a header row and rows of cells. A cell is text, a whole number (int or long), a decimal
/// number (double) or null (an empty cell). Shared by every page that offers CSV and Excel downloads.
/// </summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// CSV (UTF-8 with a byte-order mark, so Excel reads it as UTF-8). A cell starting with = + - @
    /// (or a tab or carriage return) is prefixed with a single quote, so a spreadsheet never runs it
    /// as a formula; numbers are written as they are (a negative % change stays a number).
    /// </summary>
    public static byte[] Csv(IEnumerable<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.None }))
        {
            foreach (var header in headers) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(cell is int or long or double ? Text(cell) : Defused(Text(cell)));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Text a spreadsheet would read as a formula, prefixed with a single quote.</summary>
    private static string Defused(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    private static string Text(object? cell) => cell switch
    {
        null => "",
        int n => n.ToString(CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>
    /// An Excel workbook of one sheet: a bold header row, frozen, then the rows. Text is written as inline
    /// strings, which Excel shows as text and never evaluates; numbers as numbers.
    /// </summary>
    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, Func<string, double>? width = null)
    {
        width ??= h => Math.Max(10, h.Length + 2);
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
            var columns = new Columns(headers.Select((h, i) => new Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), CustomWidth = true, Width = width(h),
            }));
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { TabSelected = true, WorkbookViewId = 0 }),
                columns,
                data);

            data.Append(SheetRow(1, headers, bold: true));
            var number = 2u;
            foreach (var row in rows) data.Append(SheetRow(number++, row, bold: false));

            workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row SheetRow(uint number, IEnumerable<object?> cells, bool bold)
    {
        var row = new Row { RowIndex = number };
        var column = 0;
        foreach (var value in cells)
        {
            var reference = ColumnName(column++) + number.ToString(CultureInfo.InvariantCulture);
            Cell cell = value switch
            {
                null => new Cell { CellReference = reference },
                int or long or double => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Text(value)) },
                _ => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(XmlSafe(Text(value))) { Space = SpaceProcessingModeValues.Preserve }),
                },
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
