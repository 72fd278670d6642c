using System.Globalization;
using Sightline.Core;
using Sightline.Core.Missing;

namespace Sightline.Web.Pages.Insights;

/// <summary>
/// The board's missing figures for a period: counts and shares only, never a name. The period comes
/// from the two date inputs (<c>from.Day</c>…) or, for links, as <c>?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>;
/// by default the last 12 months.
/// </summary>
public sealed class MissingModel(MissingRecords missing, TimeProvider clock) : SightlinePage
{
    public const int MaxTop = 50;

    public DateParts From { get; private set; } = new();
    public DateParts To { get; private set; } = new();
    public string Top { get; private set; } = "5";
    public MissingSummaryReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.LondonToday();
        From = PartsFromQuery("from") ?? DateParts.From(today.AddMonths(-12).AddDays(1));
        To = PartsFromQuery("to") ?? DateParts.From(today);
        var top = Request.Query["top"].FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(top)) Top = top.Trim();

        var from = ReadDate("from", From, "the start of the period");
        var to = ReadDate("to", To, "the end of the period");
        if (from is { } f && to is { } t && t < f) ModelState.AddModelError("to", "The end of the period must be the same as or after the start");
        if (!int.TryParse(Top, NumberStyles.None, CultureInfo.InvariantCulture, out var topN) || topN is < 1 or > MaxTop)
            ModelState.AddModelError("top", $"Enter a whole number of young people from 1 to {MaxTop}");
        if (!ModelState.IsValid) return;
        Report = await missing.SummaryAsync(from!.Value, to!.Value, topN, cancellationToken);
    }

    /// <summary>The date boxes as given: from <c>name.Day</c>… or from an ISO date in <c>name</c> (an unreadable one stays in the boxes to be corrected).</summary>
    private DateParts? PartsFromQuery(string name)
    {
        var query = Request.Query;
        if (query.ContainsKey($"{name}.Day") || query.ContainsKey($"{name}.Month") || query.ContainsKey($"{name}.Year"))
            return new DateParts { Day = query[$"{name}.Day"].FirstOrDefault(), Month = query[$"{name}.Month"].FirstOrDefault(), Year = query[$"{name}.Year"].FirstOrDefault() };
        var iso = query[name].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(iso)) return null;
        return DateOnly.TryParseExact(iso.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateParts.From(date)
            : new DateParts { Day = iso.Trim() };
    }

    /// <summary>Every month of the period, with its figures (zero where there were none).</summary>
    public IEnumerable<(string Month, int YoungPeople, int Episodes)> Months()
    {
        if (Report is not { } r) yield break;
        var byKey = r.ByMonth.ToDictionary(g => g.Key);
        for (var month = new DateOnly(r.From.Year, r.From.Month, 1); month <= r.To; month = month.AddMonths(1))
        {
            var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var g = byKey.GetValueOrDefault(key);
            yield return (month.ToString("MMMM yyyy", CultureInfo.InvariantCulture), g?.YoungPeople ?? 0, g?.Episodes ?? 0);
        }
    }

    public static string HoursText(double? hours) => hours is { } h ? MissingRules.DurationText(TimeSpan.FromHours(h)) : "No returns recorded";

    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n:N0} {many}";
}
