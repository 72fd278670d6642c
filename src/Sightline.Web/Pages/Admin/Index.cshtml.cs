using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Admin;

public sealed class IndexModel(SightlineDb db) : SightlinePage
{
    public int Agencies { get; private set; }
    public int ActiveUsers { get; private set; }
    public int FlagTypes { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await db.Agencies.CountAsync(cancellationToken);
        ActiveUsers = await db.Users.CountAsync(u => u.IsActive, cancellationToken);
        FlagTypes = await db.FlagTypes.CountAsync(cancellationToken);
    }
}
