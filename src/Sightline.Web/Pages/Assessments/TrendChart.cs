using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Sightline.Core;
using Sightline.Core.Assessments;

namespace Sightline.Web.Pages.Assessments;

/// <summary>One completed assessment on the trend.</summary>
public sealed record TrendPoint(DateOnly On, int Total, RiskLevel Level);

/// <summary>
/// The SEAM totals over time as an inline SVG line chart, drawn on the server (no script, no
/// inline styles: the classes are in sightline.css). The risk bands (20 Medium, 30 High, 40 Very
/// high) sit behind the line. The chart is one image with a title and a description for screen
/// readers; the tables beside it carry the same figures.
/// </summary>
public static class TrendChart
{
    private const int Width = 640, Height = 320;
    private const int Left = 44, Right = 96, Top = 16, Bottom = 44;
    private const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Description(IReadOnlyList<TrendPoint> points)
    {
        if (points.Count == 0) return "No completed assessments.";
        var first = points[0];
        var last = points[^1];
        var range = $"Bands mark Low (0 to 19), Medium (20 to 29), High (30 to 39) and Very high (40 and above). The tables on this page give the same figures.";
        return points.Count == 1
            ? $"One completed assessment, on {first.On.Display()}: total {first.Total}, {first.Level.DisplayName()}. {range}"
            : $"Total SEAM score at each of {points.Count} completed assessments, from {first.Total} ({first.Level.DisplayName()}) on {first.On.Display()} " +
              $"to {last.Total} ({last.Level.DisplayName()}) on {last.On.Display()}; highest {points.Max(p => p.Total)}, lowest {points.Min(p => p.Total)}. {range}";
    }

    public static IHtmlContent Render(IReadOnlyList<TrendPoint> points, string idPrefix = "trend")
    {
        var yMax = Math.Max(50, points.Count == 0 ? 0 : (int)Math.Ceiling(points.Max(p => p.Total) / 10.0) * 10);
        double Y(double value) => Top + PlotHeight * (1 - value / yMax);
        double X(int index) => points.Count <= 1 ? Left + PlotWidth / 2.0 : Left + PlotWidth * index / (double)(points.Count - 1);

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"sl-trend\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{idPrefix}-title {idPrefix}-desc\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<title id=\"{idPrefix}-title\">SEAM total score over time</title>");
        svg.Append($"<desc id=\"{idPrefix}-desc\">{E(Description(points))}</desc>");

        // The bands, lowest first, each labelled at the right.
        (double From, double To, string Name, string Css)[] bands =
        [
            (0, SeamRules.MediumFrom, "Low", "low"),
            (SeamRules.MediumFrom, SeamRules.HighFrom, "Medium", "medium"),
            (SeamRules.HighFrom, SeamRules.VeryHighFrom, "High", "high"),
            (SeamRules.VeryHighFrom, yMax, "Very high", "very-high"),
        ];
        foreach (var (from, to, name, css) in bands)
        {
            svg.Append($"<rect class=\"sl-trend__band sl-trend__band--{css}\" x=\"{Left}\" y=\"{N(Y(to))}\" width=\"{PlotWidth}\" height=\"{N(Y(from) - Y(to))}\"/>");
            svg.Append($"<text class=\"sl-trend__band-label\" x=\"{Left + PlotWidth + 8}\" y=\"{N((Y(from) + Y(to)) / 2 + 4)}\">{E(name)}</text>");
        }
        foreach (var threshold in new[] { SeamRules.MediumFrom, SeamRules.HighFrom, SeamRules.VeryHighFrom })
            svg.Append($"<line class=\"sl-trend__threshold\" x1=\"{Left}\" y1=\"{N(Y(threshold))}\" x2=\"{Left + PlotWidth}\" y2=\"{N(Y(threshold))}\"/>");

        // The axes and the score scale.
        for (var tick = 0; tick <= yMax; tick += 10)
            svg.Append($"<text class=\"sl-trend__axis-label\" x=\"{Left - 8}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\">{tick}</text>");
        svg.Append($"<line class=\"sl-trend__axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + PlotHeight}\"/>");
        svg.Append($"<line class=\"sl-trend__axis\" x1=\"{Left}\" y1=\"{Top + PlotHeight}\" x2=\"{Left + PlotWidth}\" y2=\"{Top + PlotHeight}\"/>");

        if (points.Count > 1)
            svg.Append($"<polyline class=\"sl-trend__line\" points=\"{string.Join(' ', points.Select((p, i) => $"{N(X(i))},{N(Y(p.Total))}"))}\"/>");
        // Dates under the axis: every one when they fit, otherwise evenly spaced ones and always the last.
        var labelEvery = Math.Max(1, (int)Math.Ceiling(points.Count / 8.0));
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            svg.Append($"<circle class=\"sl-trend__point\" cx=\"{N(X(i))}\" cy=\"{N(Y(p.Total))}\" r=\"5\"/>");
            svg.Append($"<text class=\"sl-trend__value\" x=\"{N(X(i))}\" y=\"{N(Y(p.Total) - 10)}\" text-anchor=\"middle\">{p.Total}</text>");
            if (i % labelEvery == 0 || i == points.Count - 1)
                svg.Append($"<text class=\"sl-trend__axis-label\" x=\"{N(X(i))}\" y=\"{Top + PlotHeight + 20}\" text-anchor=\"middle\">{E(p.On.ToString("d MMM yyyy", CultureInfo.InvariantCulture))}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
