namespace Sightline.Core;

/// <summary>Times are stored in UTC and shown, and dates decided, in Europe/London.</summary>
public static class London
{
    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    public static DateTime ToLondon(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly LondonToday(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.ToLondon());

    /// <summary>The London calendar date of a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(utc.ToLondon());

    /// <summary>The UTC instant of midnight at the start of a London date.</summary>
    public static DateTime StartOf(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    public static string Display(this DateTime utc) => utc.ToLondon().ToString("d MMMM yyyy, h:mmtt").Replace("AM", "am").Replace("PM", "pm");

    public static string Display(this DateOnly date) => date.ToString("d MMMM yyyy");
}
