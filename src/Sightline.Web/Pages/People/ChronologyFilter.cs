using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sightline.Core;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

/// <summary>
/// What the chronology page and its PDF show: some kinds of entry (none chosen means every kind)
/// between two dates (either may be left open). Read from the query string, where the dates come
/// either from the page's GOV.UK date inputs (<c>from.Day</c>, <c>from.Month</c>, <c>from.Year</c>)
/// or as <c>from=YYYY-MM-DD</c> (the form of the print and PDF links). Bad input gives errors, never an exception.
/// </summary>
public sealed class ChronologyFilter
{
    /// <summary>Every kind with its name in the filter (plural) and beside an entry (singular), in the order the filter lists them.</summary>
    public static readonly IReadOnlyList<(ChronologyKind Kind, string Plural, string Singular)> Kinds =
    [
        (ChronologyKind.Missing, "Missing episodes", "Missing episode"),
        (ChronologyKind.Interview, "Return home interviews", "Return home interview"),
        (ChronologyKind.Seam, "SEAM assessments", "SEAM assessment"),
        (ChronologyKind.Screen, "SAFEGUARD screens", "SAFEGUARD screen"),
        (ChronologyKind.Referral, "Referrals", "Referral"),
        (ChronologyKind.Action, "Actions", "Action"),
        (ChronologyKind.Flag, "Flags", "Flag"),
        (ChronologyKind.Agency, "Agencies", "Agency"),
        (ChronologyKind.Note, "Case notes", "Case note"),
        (ChronologyKind.Index, "Index", "Vulnerable Adolescents Index"),
        (ChronologyKind.Record, "Record", "Record"),
    ];

    public static string NameOf(ChronologyKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind).Singular ?? kind.ToString();

    public HashSet<ChronologyKind> Selected { get; } = [];
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public DateParts FromParts { get; private set; } = new();
    public DateParts ToParts { get; private set; } = new();
    public bool Print { get; private set; }
    /// <summary>Field key ("kind", "from", "to") and message, in the page's order.</summary>
    public List<(string Field, string Message)> Errors { get; } = [];
    public bool IsValid => Errors.Count == 0;
    public bool IsEmpty => Selected.Count == 0 && From is null && To is null;

    public static ChronologyFilter Read(IQueryCollection query)
    {
        var filter = new ChronologyFilter { Print = string.Equals(query["print"].ToString(), "true", StringComparison.OrdinalIgnoreCase) };
        var unknown = false;
        foreach (var value in query["kind"])
        {
            var text = value?.Trim() ?? "";
            if (text.Length == 0) continue;
            // Names only: Enum.TryParse would also take "3" or "1,2".
            var match = Kinds.Select(k => k.Kind).Where(k => string.Equals(k.ToString(), text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 1) filter.Selected.Add(match[0]);
            else unknown = true;
        }
        if (unknown) filter.Errors.Add(("kind", "Select what to show from the list"));
        (filter.From, filter.FromParts) = filter.ReadDate(query, "from", "The from date");
        (filter.To, filter.ToParts) = filter.ReadDate(query, "to", "The to date");
        if (filter.From is { } from && filter.To is { } to && from > to)
            filter.Errors.Add(("to", "The to date must be the same as or after the from date"));
        return filter;
    }

    private (DateOnly?, DateParts) ReadDate(IQueryCollection query, string name, string label)
    {
        var parts = new DateParts { Day = query[$"{name}.Day"].ToString().Trim(), Month = query[$"{name}.Month"].ToString().Trim(), Year = query[$"{name}.Year"].ToString().Trim() };
        if (!parts.IsEmpty)
        {
            if (parts.TryGetDate(out var date)) return (date, parts);
            Errors.Add((name, $"{label} must be a real date, like 27 3 2025"));
            return (null, parts);
        }
        var iso = query[name].ToString().Trim();
        if (iso.Length == 0) return (null, parts);
        if (DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year >= 1900)
            return (parsed, DateParts.From(parsed));
        Errors.Add((name, $"{label} must be a real date, like 27 3 2025"));
        return (null, parts);
    }

    /// <summary>The London calendar date an entry belongs to (a dated entry is midnight UTC of its date).</summary>
    public static DateOnly DateOf(ChronologyEntry entry) => entry.HasTime ? London.DateOf(entry.When) : DateOnly.FromDateTime(entry.When);

    public bool Includes(ChronologyEntry entry)
    {
        if (Selected.Count > 0 && !Selected.Contains(entry.Kind)) return false;
        var date = DateOf(entry);
        return (From is not { } from || date >= from) && (To is not { } to || date <= to);
    }

    /// <summary>The entries this filter keeps, newest first.</summary>
    public List<ChronologyEntry> Apply(IEnumerable<ChronologyEntry> entries) =>
        entries.Where(Includes).OrderByDescending(e => e.When).ThenBy(e => e.Kind).ToList();

    /// <summary>What is shown, in words: "Missing episodes and Return home interviews, from 1 January 2025 to 31 March 2025".</summary>
    public string KindsText => Selected.Count == 0 || Selected.Count == Kinds.Count
        ? "Every kind of entry"
        : JoinAnd(Kinds.Where(k => Selected.Contains(k.Kind)).Select(k => k.Plural).ToList());

    public string DatesText => (From, To) switch
    {
        (null, null) => "All dates",
        ({ } from, null) => $"From {from.Display()}",
        (null, { } to) => $"Up to {to.Display()}",
        ({ } from, { } to) => $"From {from.Display()} to {to.Display()}",
    };

    private static string JoinAnd(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    /// <summary>The filter as a query string (dates as YYYY-MM-DD), for the print and PDF links; "" when there is no filter.</summary>
    public string QueryString(bool print = false)
    {
        var parts = Kinds.Where(k => Selected.Contains(k.Kind)).Select(k => $"kind={k.Kind}").ToList();
        if (From is { } from) parts.Add($"from={from:yyyy-MM-dd}");
        if (To is { } to) parts.Add($"to={to:yyyy-MM-dd}");
        if (print) parts.Add("print=true");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>For the audit trail: the filter, without anything personal.</summary>
    public object Describe() => new
    {
        kinds = Kinds.Where(k => Selected.Contains(k.Kind)).Select(k => k.Kind.ToString()).ToArray(),
        from = From?.ToString("yyyy-MM-dd"),
        to = To?.ToString("yyyy-MM-dd"),
    };
}
