using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Sightline.Web.Pdf;

/// <summary>
/// A very small flowing layout over PDFsharp: headings, wrapped paragraphs, label–value rows and
/// simple tables on A4, starting a new page when the next line would not fit, with a protective
/// marking and page numbers on every page. Text that does not fit a line is wrapped at spaces (or
/// within a word when a word is longer than the line).
/// </summary>
public sealed class PdfPages : IDisposable
{
    private const double Margin = 50;
    private const double HeaderSpace = 28;
    private const double FooterSpace = 30;

    private readonly PdfDocument _document;
    private readonly string _marking;
    private readonly string _footer;
    private readonly bool _landscape;
    private PdfPage _page = null!;
    private XGraphics _gfx = null!;
    private double _y;

    public XFont Body { get; }
    public XFont BodyBold { get; }
    public XFont Small { get; }
    public XFont Heading1 { get; }
    public XFont Heading2 { get; }
    public XFont Heading3 { get; }

    private static readonly XBrush Ink = XBrushes.Black;
    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(80, 90, 95));
    private static readonly XPen Rule = new(XColor.FromArgb(177, 180, 182), 0.75);

    /// <param name="landscape">A4 on its side, for wide tables such as the board pack's.</param>
    public PdfPages(string title, string marking, string footer, bool landscape = false)
    {
        _landscape = landscape;
        PdfFonts.EnsureReady();
        _document = new PdfDocument();
        _marking = marking;
        _footer = footer;
        _document.Info.Title = title;
        _document.Info.Creator = "Sightline";
        _document.Options.CompressContentStreams = true;
        Body = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Regular);
        BodyBold = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Bold);
        Small = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular);
        Heading1 = new XFont(PdfFonts.Family, 17, XFontStyleEx.Bold);
        Heading2 = new XFont(PdfFonts.Family, 12.5, XFontStyleEx.Bold);
        Heading3 = new XFont(PdfFonts.Family, 10.5, XFontStyleEx.Bold);
        NewPage();
    }

    private double Width => _page.Width.Point - 2 * Margin;
    private double Bottom => _page.Height.Point - Margin - FooterSpace;

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        if (_landscape) _page.Orientation = PdfSharp.PageOrientation.Landscape;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin + HeaderSpace;
    }

    private void Need(double height)
    {
        if (_y + height > Bottom) NewPage();
    }

    public void Space(double points = 6) => _y += points;

    public void Title(string text)
    {
        Paragraph(text, Heading1);
        Space(4);
    }

    /// <summary>A section heading, kept with at least a few lines of what follows it.</summary>
    public void Section(string text)
    {
        Space(8);
        Need(Line(Heading2) + 3 * Line(Body));
        Paragraph(text, Heading2);
        _gfx.DrawLine(Rule, Margin, _y, Margin + Width, _y);
        Space(5);
    }

    public void Subheading(string text)
    {
        Space(4);
        Need(Line(Heading3) + 2 * Line(Body));
        Paragraph(text, Heading3);
    }

    public void Paragraph(string? text, XFont? font = null, double indent = 0, bool grey = false)
    {
        font ??= Body;
        foreach (var line in Wrap(text ?? "", font, Width - indent))
        {
            Need(Line(font));
            _gfx.DrawString(line, font, grey ? Grey : Ink, Margin + indent, _y, XStringFormats.TopLeft);
            _y += Line(font);
        }
        Space(3);
    }

    /// <summary>A label and its value side by side; the value wraps under itself.</summary>
    public void Row(string label, string? value, double labelWidth = 150)
    {
        var labelLines = Wrap(label, BodyBold, labelWidth - 8);
        var valueLines = Wrap(string.IsNullOrWhiteSpace(value) ? "–" : value, Body, Width - labelWidth);
        var count = Math.Max(labelLines.Count, valueLines.Count);
        for (var i = 0; i < count; i++)
        {
            Need(Line(Body));
            if (i < labelLines.Count) _gfx.DrawString(labelLines[i], BodyBold, Ink, Margin, _y, XStringFormats.TopLeft);
            if (i < valueLines.Count) _gfx.DrawString(valueLines[i], Body, Ink, Margin + labelWidth, _y, XStringFormats.TopLeft);
            _y += Line(Body);
        }
        Space(3);
    }

    /// <summary>
    /// A table with a header row (repeated on each new page). Column widths are fractions of the
    /// line; cells wrap; a row taller than what is left of the page starts on the next one.
    /// </summary>
    public void Table(IReadOnlyList<(string Header, double Fraction)> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var widths = columns.Select(c => c.Fraction * Width).ToArray();
        void Header()
        {
            DrawRow(columns.Select(c => c.Header).ToList(), widths, BodyBold);
            _gfx.DrawLine(Rule, Margin, _y - 2, Margin + Width, _y - 2);
        }
        Need(3 * Line(Body));
        Header();
        foreach (var row in rows)
        {
            var height = RowHeight(row, widths, Body);
            if (_y + height > Bottom && height < Bottom - Margin - HeaderSpace)
            {
                NewPage();
                Header();
            }
            DrawRow(row, widths, Body);
            _gfx.DrawLine(Rule, Margin, _y - 2, Margin + Width, _y - 2);
        }
        Space(6);
    }

    /// <summary>A drawing of <paramref name="height"/> points across the line (a chart, say), on a new page when it
    /// does not fit what is left; <paramref name="draw"/> gets the page's graphics and the box to draw in.</summary>
    public void Drawing(double height, Action<XGraphics, XRect> draw)
    {
        Need(height);
        draw(_gfx, new XRect(Margin, _y, Width, height));
        _y += height;
        Space(6);
    }

    /// <summary>Starts the next content on a new page.</summary>
    public void PageBreak() => NewPage();

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        cells.Select((c, i) => Wrap(c, font, widths[i] - 6).Count).DefaultIfEmpty(1).Max() * Line(font) + 4;

    private void DrawRow(IReadOnlyList<string> cells, double[] widths, XFont font)
    {
        var wrapped = cells.Select((c, i) => Wrap(c, font, widths[i] - 6)).ToList();
        var lines = wrapped.Max(w => w.Count);
        for (var line = 0; line < lines; line++)
        {
            Need(Line(font));
            var x = Margin;
            for (var i = 0; i < wrapped.Count; i++)
            {
                if (line < wrapped[i].Count) _gfx.DrawString(wrapped[i][line], font, Ink, x, _y, XStringFormats.TopLeft);
                x += widths[i];
            }
            _y += Line(font);
        }
        _y += 4;
    }

    private static double Line(XFont font) => font.GetHeight() * 1.15;

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (_gfx.MeasureString(candidate, font).Width <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0) lines.Add(current);
                current = word;
                // A word wider than the line: break it where it must.
                while (_gfx.MeasureString(current, font).Width > width && current.Length > 1)
                {
                    var fit = current.Length - 1;
                    while (fit > 1 && _gfx.MeasureString(current[..fit], font).Width > width) fit--;
                    lines.Add(current[..fit]);
                    current = current[fit..];
                }
            }
            lines.Add(current);
        }
        return lines;
    }

    /// <summary>Marks and numbers every page, and returns the document.</summary>
    public byte[] Finish()
    {
        _gfx.Dispose();
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = page.Width.Point;
            var height = page.Height.Point;
            gfx.DrawString(_marking, BodyBold, Ink, new XRect(0, Margin - 20, width, 12), XStringFormats.TopCenter);
            gfx.DrawString(_marking, BodyBold, Ink, new XRect(0, height - Margin + 4, width, 12), XStringFormats.TopCenter);
            gfx.DrawString(_footer, Small, Grey, Margin, height - Margin - 14, XStringFormats.TopLeft);
            gfx.DrawString($"Page {i + 1} of {count}", Small, Grey, new XRect(Margin, height - Margin - 14, width - 2 * Margin, 10), XStringFormats.TopRight);
        }
        using var stream = new MemoryStream();
        _document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }
}
