using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sightline.Core;
using Sightline.Core.Assessments;
using Sightline.Core.People;
using Sightline.Core.VulnerableAdolescents;

namespace Sightline.Web.Pages.VulnerableAdolescents;

/// <summary>
/// What the index list was asked for: the date of the cohort, a flag to filter by, and the sort.
/// The page, its CSV and its Excel export read the same query, so an export is the list on screen.
/// </summary>
public sealed record IndexQuery(DateOnly Date, string Flag, string Sort, bool Descending)
{
    public const string All = "all";
    public const string DefaultSort = "name";

    /// <summary>The query string of this list (dates as yyyy-MM-dd), for sort links and exports.</summary>
    public string QueryString(string? sort = null, bool? descending = null)
    {
        var parts = new List<string> { $"date={Date:yyyy-MM-dd}" };
        if (Flag != All) parts.Add($"flag={Uri.EscapeDataString(Flag)}");
        parts.Add($"sort={Uri.EscapeDataString(sort ?? Sort)}");
        parts.Add($"dir={((descending ?? Descending) ? "desc" : "asc")}");
        return "?" + string.Join('&', parts);
    }

    /// <summary>
    /// Reads <c>date</c> (yyyy-MM-dd, as links carry it, or the GOV.UK date input's <c>date.Day</c>,
    /// <c>date.Month</c>, <c>date.Year</c>), <c>flag</c>, <c>sort</c> and <c>dir</c>. A date that is not
    /// a real date, or is in the future, is an error under <c>date</c>; unknown flags and sorts fall
    /// back to the whole list by name.
    /// </summary>
    public static (IndexQuery Query, DateParts Parts) Read(IQueryCollection query, DateOnly today, ModelStateDictionary modelState)
    {
        var date = ReadDate(query, today, modelState, out var parts);
        var flag = query["flag"].ToString();
        if (!IndexList.Filters.Any(f => f.Key == flag)) flag = All;
        var sort = query["sort"].ToString();
        if (!IndexList.Sorts.ContainsKey(sort)) sort = DefaultSort;
        var descending = string.Equals(query["dir"].ToString(), "desc", StringComparison.OrdinalIgnoreCase);
        return (new IndexQuery(date, flag, sort, descending), parts);
    }

    /// <summary>The date asked about (today when none was given or it is wrong), with the boxes to show again.</summary>
    public static DateOnly ReadDate(IQueryCollection query, DateOnly today, ModelStateDictionary modelState, out DateParts parts)
    {
        parts = new DateParts { Day = query["date.Day"], Month = query["date.Month"], Year = query["date.Year"] };
        DateOnly date;
        if (!parts.IsEmpty)
        {
            if (!parts.TryGetDate(out date))
            {
                modelState.AddModelError("date", "The date must be a real date, like 27 3 2026");
                return today;
            }
        }
        else if (query["date"].ToString() is { Length: > 0 } iso)
        {
            if (!DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                modelState.AddModelError("date", "The date must be a real date, like 27 3 2026");
                parts = new DateParts();
                return today;
            }
            parts = DateParts.From(date);
        }
        else
        {
            parts = DateParts.From(today);
            return today;
        }
        if (date > today)
        {
            modelState.AddModelError("date", "The date must be today or in the past");
            return today;
        }
        return date;
    }
}

/// <summary>One young person on the list, and whether this user may see their name.</summary>
public sealed record IndexRow(CohortMember Member, bool Named)
{
    private const string PractitionerPrefix = "Added by a practitioner";

    public string? Name => Named ? Member.FullName : null;

    /// <summary>
    /// Why they are on the index. A practitioner's own words are part of the record, so someone who
    /// may not see the record reads only that a practitioner added them.
    /// </summary>
    public IReadOnlyList<string> Reasons => Named
        ? Member.Reasons
        : Member.Reasons.Select(r => r.StartsWith(PractitionerPrefix, StringComparison.Ordinal) ? PractitionerPrefix : r).ToList();
}

/// <summary>The index list's filters, sorts and columns, shared by the page and its exports.</summary>
public static class IndexList
{
    public static readonly (string Key, string Label)[] Filters =
    [
        (IndexQuery.All, "Everyone on the index"),
        ("yot", "Open to YOT"),
        ("gangs", "Gangs"),
        ("cse", "CSE"),
        ("cce", "CCE / county lines"),
        ("neet", "NEET"),
        ("missing-3-months", "Missing in the past 3 months"),
        ("looked-after", "Looked after"),
        ("care-leaver", "Care leaver"),
        ("seam-medium-or-above", "SEAM Medium or above"),
    ];

    public static bool Matches(CohortMember m, string flag) => flag switch
    {
        "yot" => m.Yot,
        "gangs" => m.Gangs,
        "cse" => m.Cse,
        "cce" => m.Cce,
        "neet" => m.Neet,
        "missing-3-months" => m.MissingPast3Months,
        "looked-after" => m.LookedAfter,
        "care-leaver" => m.CareLeaver,
        "seam-medium-or-above" => m.SeamLevel is RiskLevel.Medium or RiskLevel.High or RiskLevel.VeryHigh,
        _ => true,
    };

    /// <summary>
    /// The sort keys. Yes/no columns order No before Yes, and levels from none to the highest, so
    /// "descending" puts those with the flag (or the highest level) first; the page's first click on
    /// those columns sorts descending (see <see cref="FirstDirectionIsDescending"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<IndexRow, IComparable>> Sorts = new Dictionary<string, Func<IndexRow, IComparable>>
    {
        ["name"] = r => NameKey(r),
        ["age"] = r => r.Member.Age,
        ["since"] = r => r.Member.Since,
        ["yot"] = r => r.Member.Yot ? 1 + (r.Member.YotLevel is { } l ? 1 + (int)l : 0) : 0,
        ["gangs"] = r => r.Member.Gangs,
        ["cse"] = r => r.Member.Cse,
        ["cce"] = r => r.Member.Cce,
        ["neet"] = r => r.Member.Neet,
        ["missing"] = r => r.Member.MissingPast3Months,
        ["looked-after"] = r => r.Member.LookedAfter,
        ["care-leaver"] = r => r.Member.CareLeaver,
        ["seam"] = r => r.Member.SeamLevel is { } level ? 1 + (int)level : 0,
    };

    public static bool FirstDirectionIsDescending(string sort) => sort is not ("name" or "age" or "since");

    /// <summary>
    /// Named rows by name, then the others by reference: a hidden name must not show through the
    /// order of the list.
    /// </summary>
    private static string NameKey(IndexRow r) => r.Named ? "0" + r.Member.FullName : "1" + r.Member.Reference;

    /// <summary>Names as the core orders them (ordinal, ignoring case), the same on every machine; other keys by their own order.</summary>
    private static readonly IComparer<IComparable> KeyComparer = Comparer<IComparable>.Create((a, b) =>
        a is string x && b is string y ? StringComparer.OrdinalIgnoreCase.Compare(x, y) : a.CompareTo(b));

    /// <summary>The cohort filtered and sorted as the query asks.</summary>
    public static List<IndexRow> Rows(Cohort cohort, IndexQuery query)
    {
        var rows = cohort.Members.Where(m => Matches(m, query.Flag)).Select(m => new IndexRow(m, cohort.MayName(m)));
        var key = Sorts[query.Sort];
        var sorted = query.Descending ? rows.OrderByDescending(key, KeyComparer) : rows.OrderBy(key, KeyComparer);
        return sorted.ThenBy(NameKey, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static string YesNo(bool value) => value ? "Yes" : "No";

    public static string YotText(CohortMember m) => m.Yot ? (m.YotLevel is { } level ? $"Yes ({level} risk)" : "Yes") : "No";

    /// <summary>The export's columns, in order.</summary>
    public static readonly string[] ExportHeaders =
    [
        "Reference", "Name", "Age", "On the index since", "Reasons", "Open to YOT", "YOT risk level", "Gangs", "CSE", "CCE / county lines",
        "NEET", "Missing in the past 3 months", "Looked after", "Care leaver", "Latest SEAM level",
    ];

    /// <summary>One row of an export: the name only when the user may see it; the age as a number.</summary>
    public static IReadOnlyList<object> ExportCells(IndexRow row)
    {
        var m = row.Member;
        return
        [
            m.Reference, row.Name ?? "", m.Age, m.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join("; ", row.Reasons),
            YesNo(m.Yot), m.YotLevel?.ToString() ?? "", YesNo(m.Gangs), YesNo(m.Cse), YesNo(m.Cce), YesNo(m.Neet), YesNo(m.MissingPast3Months),
            YesNo(m.LookedAfter), YesNo(m.CareLeaver), m.SeamLevel?.DisplayName() ?? "",
        ];
    }
}
