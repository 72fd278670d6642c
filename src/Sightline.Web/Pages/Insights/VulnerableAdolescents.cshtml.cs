using Sightline.Core;
using Sightline.Core.VulnerableAdolescents;
using Sightline.Web.Pages.VulnerableAdolescents;

namespace Sightline.Web.Pages.Insights;

/// <summary>The index's board summary on a date (seed 004 §4.2–4.3): counts and percentages, never names.</summary>
public sealed class VulnerableAdolescentsModel(IndexRecords index, TimeProvider clock) : SightlinePage
{
    public DateParts DateParts { get; private set; } = new();
    public IndexSummaryReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var date = IndexQuery.ReadDate(Request.Query, clock.LondonToday(), ModelState, out var parts);
        DateParts = parts;
        if (!ModelState.IsValid) return;
        Report = await index.SummaryAsync(date, cancellationToken);
    }
}
