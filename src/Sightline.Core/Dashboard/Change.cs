namespace Sightline.Core.Dashboard;

/// <summary>Percentage change, the one rule every figure on the dashboard and the strategic table uses.</summary>
public static class Change
{
    public const string Rule =
        "% change = (current − previous) ÷ previous × 100, rounded to one decimal place with halves away from zero " +
        "(0.25 → 0.3, −0.25 → −0.3). No change is shown when the previous figure is 0 or either figure is missing.";

    /// <summary>% change per <see cref="Rule"/>. Worked in decimal so that a true half (e.g. 1 in 400 = 0.25%)
    /// is not pushed either way by binary floating point before rounding.</summary>
    public static double? Percent(long? current, long? previous, int decimals = 1)
    {
        if (current is not { } c || previous is not { } p || p == 0) return null;
        return Round((c - p) * 100m / p, decimals);
    }

    /// <summary>% change between two rates or other non-integer figures, same rule.</summary>
    public static double? Percent(double? current, double? previous, int decimals = 1)
    {
        if (current is not { } c || previous is not { } p || p == 0 || !double.IsFinite(c) || !double.IsFinite(p)) return null;
        return Round(((decimal)c - (decimal)p) * 100m / (decimal)p, decimals);
    }

    /// <summary>The difference in percentage points between two percentages (re-offending 20.2% against 22.1% is −1.9 points),
    /// rounded to one decimal with halves away from zero.</summary>
    public static double? Points(double? current, double? previous)
    {
        if (current is not { } c || previous is not { } p) return null;
        return Round((decimal)c - (decimal)p, 1);
    }

    private static double Round(decimal value, int decimals) => (double)Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
