using Sightline.Core;
using Sightline.Core.Network;

namespace Sightline.Web.Api;

/// <summary>
/// The network's query string, shared by the API and the page: <c>depth</c> (1–3, default 2),
/// <c>type</c> (repeated or comma-separated association types), <c>from</c> and <c>to</c> (dates
/// of the associations), and <c>since</c> (the last meeting, for "grew since"; default a month ago).
/// </summary>
public sealed record NetworkRequest(NetworkFilter Filter, DateOnly Since, ValidationErrors Errors)
{
    /// <summary>Whether <c>since</c> was given (a panel's network otherwise measures from its last meeting).</summary>
    public bool SinceGiven { get; init; }

    public static NetworkRequest Read(IQueryCollection query, DateOnly today)
    {
        var errors = new ValidationErrors();
        var depth = NetworkFilter.DefaultDepth;
        var depthText = query["depth"].ToString();
        if (!string.IsNullOrWhiteSpace(depthText) && (!int.TryParse(depthText, out depth) || depth is < 1 or > NetworkFilter.MaxDepth))
            errors.Add("depth", $"depth must be a whole number from 1 to {NetworkFilter.MaxDepth}");
        var types = new HashSet<AssociationType>();
        foreach (var text in query["type"].SelectMany(t => (t ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (NetworkLabels.TryParse<AssociationType>(text, out var type)) types.Add(type);
            else errors.Add("type", $"type must be one of: {NetworkLabels.Allowed<AssociationType>()}");
        }
        var from = ReadDate(query, "from", errors);
        var to = ReadDate(query, "to", errors);
        if (from > to) errors.Add("to", "to must be on or after from");
        var since = ReadDate(query, "since", errors);
        return new NetworkRequest(new NetworkFilter(errors.Any ? NetworkFilter.DefaultDepth : depth, types, from, to), since ?? today.AddMonths(-1), errors)
        {
            SinceGiven = since is not null,
        };
    }

    /// <summary>From the page's GOV.UK date input (<c>from.Day</c>, <c>from.Month</c>, <c>from.Year</c>) or as <c>from=YYYY-MM-DD</c>.</summary>
    private static DateOnly? ReadDate(IQueryCollection query, string name, ValidationErrors errors)
    {
        var parts = new Pages.DateParts { Day = query[$"{name}.Day"].ToString().Trim(), Month = query[$"{name}.Month"].ToString().Trim(), Year = query[$"{name}.Year"].ToString().Trim() };
        if (!parts.IsEmpty)
        {
            if (parts.TryGetDate(out var fromParts)) return fromParts;
            errors.Add(name, $"The {name} date must be a real date, like 27 3 2026");
            return null;
        }
        var text = query[name].ToString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var date)) return date;
        errors.Add(name, $"{name} must be a date in the form YYYY-MM-DD");
        return null;
    }
}
