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

    public static string Display(this DateTime utc) => utc.ToLondon().ToString("d MMMM yyyy, h:mmtt").Replace("AM", "am").Replace("PM", "pm");

    public static string Display(this DateOnly date) => date.ToString("d MMMM yyyy");
}
