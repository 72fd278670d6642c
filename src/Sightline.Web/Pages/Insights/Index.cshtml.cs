using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Insights;

public sealed class IndexModel(SightlineDb db, TimeProvider clock) : SightlinePage
{
    public sealed record FlagCount(string Name, int Count);
    public int People { get; private set; }
    public List<FlagCount> FlagCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.LondonToday();
        People = await db.People.CountAsync(cancellationToken);
        FlagCounts = await db.FlagTypes.OrderBy(t => t.SortOrder)
            .Select(t => new FlagCount(t.Name, db.PersonFlags.Where(f => f.FlagTypeId == t.Id && f.StartDate <= today && (f.EndDate == null || f.EndDate >= today)).Select(f => f.PersonId).Distinct().Count()))
            .ToListAsync(cancellationToken);
    }
}
