namespace Sightline.Web.Pages.Insights;

/// <summary>The server-drawn charts' lines: SVG polyline points, broken where a point has no value (a gap in the
/// data is shown as a gap, never joined across).</summary>
public static class SvgPolylines
{
    public static IEnumerable<string> Broken<T>(IReadOnlyList<T> points, Func<int, T, (double X, double Y)?> position)
    {
        var current = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            if (position(i, points[i]) is { } p) current.Add($"{TrendChart.F(p.X)},{TrendChart.F(p.Y)}");
            else if (current.Count > 0) { yield return string.Join(' ', current); current = []; }
        }
        if (current.Count > 0) yield return string.Join(' ', current);
    }
}
