using Sightline.Core;
using Sightline.Core.VulnerableAdolescents;

namespace Sightline.Web.Pages.VulnerableAdolescents;

/// <summary>
/// The Vulnerable Adolescents Index on a date: everyone on it, filtered and sorted, with names only
/// for the young people the user may see (the others by reference). The view is audited by the core.
/// </summary>
public sealed class IndexModel(IndexRecords index, TimeProvider clock) : SightlinePage
{
    public IndexQuery Query { get; private set; } = null!;
    public DateParts DateParts { get; private set; } = new();
    public DateOnly Today { get; private set; }
    public List<IndexRow> Rows { get; private set; } = [];
    /// <summary>Everyone on the index on the date, before the filter.</summary>
    public int Total { get; private set; }
    public bool Shown { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.LondonToday();
        (Query, DateParts) = IndexQuery.Read(Request.Query, Today, ModelState);
        if (!ModelState.IsValid) return;
        var cohort = await index.CohortAsync(Me, Query.Date, cancellationToken);
        Total = cohort.Members.Count;
        Rows = IndexList.Rows(cohort, Query);
        Shown = true;
    }

    /// <summary>The link of a sortable column's header: the other direction when it is the sort, else its first direction.</summary>
    public string SortLink(string sort) =>
        "/vulnerable-adolescents" + Query.QueryString(sort, Query.Sort == sort ? !Query.Descending : IndexList.FirstDirectionIsDescending(sort));

    /// <summary>aria-sort for a sortable column: ascending or descending on the one the list is sorted by, none on the others.</summary>
    public string AriaSort(string sort) => Query.Sort != sort ? "none" : Query.Descending ? "descending" : "ascending";
}
