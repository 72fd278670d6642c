using System.Globalization;
using PdfSharp.Drawing;
using Sightline.Core;
using Sightline.Core.Dashboard;
using Sightline.Core.Performance;
using Sightline.Web.Pages.Insights;

namespace Sightline.Web.Pdf;

/// <summary>What the partnership board pack shows: the dashboard, the strategic table for its default years and the trend
/// charts of the main indicators, all for one area and month.</summary>
public sealed record BoardPack(PerformanceDashboard Dashboard, StrategicTable Strategic, IReadOnlyList<TrendChart> Trends);

/// <summary>
/// The board pack for the partnership board as a landscape A4 PDF: a cover, the dashboard table, the monthly exceptions
/// with their expected ranges, the strategic assessment table, trend charts (this year against last, drawn as vector
/// lines) and the rules the figures follow. Figures only: no personal data, so it is marked OFFICIAL.
/// </summary>
public static class BoardPackPdf
{
    public const string Marking = "OFFICIAL";

    /// <summary>The indicators charted in the pack, in this order.</summary>
    public static readonly IReadOnlyList<string> ChartedIndicators =
        ["mopac7", "robbery", "burglary", "residential-burglary", "violence-with-injury", "theft-from-person"];

    public static string Title(PerformanceDashboard d) => $"Board pack {d.Area.Name} {d.Month}";

    public static byte[] Render(BoardPack pack, DateTime producedAt, string producedBy)
    {
        var d = pack.Dashboard;
        var month = d.Month!.Value;
        using var pdf = new PdfPages(Title(d), Marking,
            $"Sightline · partnership board pack {d.Area.Name} {month.Label} · produced {producedAt.Display()} by {producedBy}", landscape: true);

        Cover(pdf, d, month, producedAt);
        pdf.PageBreak();
        DashboardTable(pdf, d, month);
        Exceptions(pdf, d);
        StrategicTable(pdf, pack.Strategic);
        pdf.PageBreak();
        Trends(pdf, d, month, pack.Trends);
        Rules(pdf);
        return pdf.Finish();
    }

    private static void Cover(PdfPages pdf, PerformanceDashboard d, YearMonth month, DateTime producedAt)
    {
        pdf.Space(60);
        pdf.Title("Partnership board pack");
        pdf.Paragraph("Recorded crime by indicator from the imported Metropolitan Police borough files. Figures only: no personal data.", pdf.Body, grey: true);
        pdf.Section("This pack");
        pdf.Row("Area", d.Area.Name);
        pdf.Row("Month", $"{month.Label} (recent quarter {Periods.RecentQuarterWindow(month).Label}; rolling 12 months {Periods.Rolling12Window(month).Label})");
        pdf.Row("Generated", producedAt.Display());
        pdf.Row("Population year", d.PopulationYear is { } y
            ? y.ToString(CultureInfo.InvariantCulture) + (PerformanceTables.PopulationNote(d) is { } note ? $". {note}" : "")
            : "No population estimate: rates are not shown.");
        if (d.SimilarGroup is { } group) pdf.Row("Similar group", group);
        pdf.Row("Contents", "Dashboard; monthly exceptions; strategic assessment; trends; how the figures are worked out.");
        pdf.Space(12);
        pdf.Paragraph(PerformanceTables.Attribution, pdf.Small, grey: true);
    }

    private static void DashboardTable(PdfPages pdf, PerformanceDashboard d, YearMonth month)
    {
        pdf.Title($"Dashboard: {d.Area.Name}, {month.Label}");
        pdf.Table(
            [("Indicator", 0.14), ($"Recent quarter ({Periods.RecentQuarterWindow(month).Label})", 0.12), ($"Rolling 12 months ({Periods.Rolling12Window(month).Label})", 0.12),
             ("Rate", 0.1), ("London rank", 0.07), ("Similar group rank", 0.08), ("RAG", 0.07), ("Factors", 0.30)],
            d.Indicators.Select(line => (IReadOnlyList<string>)
            [
                line.Indicator.Name,
                $"{PerformanceTables.Number(line.RecentQuarter.Volume)} ({PerformanceTables.Percent(line.RecentQuarter.ChangePercent)})",
                $"{PerformanceTables.Number(line.Rolling12.Volume)} ({PerformanceTables.Percent(line.Rolling12.ChangePercent)})",
                $"{PerformanceTables.RateText(line.Rate)} {PerformanceTables.RateBaseText(line.Rate.Base)}",
                PerformanceTables.RankText(line.LondonRank),
                PerformanceTables.RankText(line.SimilarGroupRank),
                line.Rag.Rating?.ToString() ?? "No rating",
                string.Join("\n", line.Rag.Factors.Select(f => (f.Positive switch { true => "+ ", false => "− ", _ => "" }) + f.Text)),
            ]));
    }

    private static void Exceptions(PdfPages pdf, PerformanceDashboard d)
    {
        pdf.Section("Monthly exceptions");
        pdf.Paragraph(MonthlyExceptions.Method, pdf.Small, grey: true);
        var months = d.Indicators.SelectMany(i => i.LastMonths).Select(m => m.Month).Distinct().Order().ToList();
        pdf.Table(
            [("Indicator", 0.16), .. months.Select(m => (m.Label, 0.84 / Math.Max(1, months.Count)))],
            d.Indicators.Select(line => (IReadOnlyList<string>)
            [
                line.Indicator.Name,
                .. months.Select(m => line.LastMonths.FirstOrDefault(x => x.Month == m) is { } e ? MonthCell(e) : "No data"),
            ]));
    }

    private static string MonthCell(MonthlyException e) =>
        PerformanceTables.Number(e.Count)
        + (e.IsException ? $" – {e.Kind.ToString().ToUpperInvariant()} exception" : "")
        + (e.Expected is { } x ? $" (expected {x.Text})" : "");

    private static void StrategicTable(PdfPages pdf, StrategicTable t)
    {
        pdf.Section($"Strategic assessment: {t.Area.Name} by financial year");
        var headers = PerformanceTables.StrategicHeaders(t).Skip(1).ToList(); // the area is in the heading
        var fraction = 0.8 / (headers.Count - 1);
        pdf.Table(
            [(headers[0], 0.2), .. headers.Skip(1).Select(h => (h, fraction))],
            t.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Indicator.Name,
                .. r.Row.Volumes.Select(v => PerformanceTables.Number(v.Volume)),
                PerformanceTables.Percent(r.Row.ChangeVsOneYear),
                PerformanceTables.Percent(r.Row.ChangeVsFiveYears),
            ]));
        pdf.Paragraph(StrategicAssessment.Rule, pdf.Small, grey: true);
    }

    private static void Trends(PdfPages pdf, PerformanceDashboard d, YearMonth month, IReadOnlyList<TrendChart> charts)
    {
        pdf.Title($"Trends: {d.Area.Name}, the 12 months to {month.Label} against the year before");
        pdf.Paragraph("Solid line: the 12 months to the month. Dashed line: the same months a year before.", pdf.Body, grey: true);
        foreach (var chart in charts)
        {
            pdf.Subheading(chart.Indicator.Name);
            pdf.Drawing(150, (gfx, box) => DrawChart(gfx, box, chart, pdf.Small));
            pdf.Paragraph(chart.Description, pdf.Small, grey: true);
        }
    }

    private static readonly XPen Grid = new(XColor.FromArgb(177, 180, 182), 0.5);
    private static readonly XPen ThisYear = new(XColor.FromArgb(29, 112, 184), 1.8);
    private static readonly XPen LastYear = new(XColor.FromArgb(80, 90, 95), 1.2) { DashStyle = XDashStyle.Dash };

    /// <summary>The chart as vector lines: gridlines at 0, half and the top of the scale, month labels, then last year
    /// dashed and this year solid, each broken where a month has no data.</summary>
    private static void DrawChart(XGraphics gfx, XRect box, TrendChart chart, XFont font)
    {
        const double axis = 44, labels = 16;
        var plot = new XRect(box.X + axis, box.Y + 4, Math.Min(box.Width * 0.6, 480) - axis, box.Height - labels - 8);
        double X(int i) => plot.X + i * plot.Width / Math.Max(1, chart.Points.Count - 1);
        double Y(long v) => plot.Bottom - plot.Height * v / chart.Max;
        foreach (var tick in new[] { 0L, chart.Max / 2, chart.Max })
        {
            gfx.DrawLine(Grid, plot.X, Y(tick), plot.Right, Y(tick));
            gfx.DrawString(tick.ToString("N0", CultureInfo.InvariantCulture), font, XBrushes.Black,
                new XRect(box.X, Y(tick) - 5, axis - 6, 10), XStringFormats.CenterRight);
        }
        for (var i = 0; i < chart.Points.Count; i++)
            gfx.DrawString(chart.Points[i].Month.Label[..3], font, XBrushes.Black, new XRect(X(i) - 15, plot.Bottom + 4, 30, 10), XStringFormats.TopCenter);
        DrawLine(gfx, LastYear, chart, p => p.LastYear, X, Y);
        DrawLine(gfx, ThisYear, chart, p => p.ThisYear, X, Y);
    }

    private static void DrawLine(XGraphics gfx, XPen pen, TrendChart chart, Func<TrendPoint, long?> value, Func<int, double> x, Func<long, double> y)
    {
        var run = new List<XPoint>();
        void Flush()
        {
            if (run.Count > 1) gfx.DrawLines(pen, run.ToArray());
            run.Clear();
        }
        for (var i = 0; i < chart.Points.Count; i++)
        {
            if (value(chart.Points[i]) is { } v) run.Add(new XPoint(x(i), y(v)));
            else Flush();
        }
        Flush();
    }

    private static void Rules(PdfPages pdf)
    {
        pdf.Section("How the figures are worked out");
        pdf.Row("RAG rating", Rag.Rule);
        pdf.Row("Exceptions", MonthlyExceptions.Method);
        pdf.Row("% change", Change.Rule);
        pdf.Row("Ranks", PeerRanks.Rule);
        pdf.Row("Rates", Rates.Rule);
        pdf.Row("Strategic assessment", StrategicAssessment.Rule);
    }
}
