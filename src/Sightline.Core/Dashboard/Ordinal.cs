namespace Sightline.Core.Dashboard;

/// <summary>English ordinals for the factor sentences: 1st 2nd 3rd 4th … 11th 12th 13th … 21st 22nd 23rd … 111th.</summary>
public static class Ordinal
{
    public static string Of(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "Ordinals are for non-negative numbers.");
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return $"{n}{suffix}";
    }
}
