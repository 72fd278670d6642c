using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Admin.Users;

public sealed class IndexModel(UserAdministration admin, SightlineDb db) : SightlinePage
{
    [FromQuery(Name = "agency")] public string? AgencyFilter { get; set; }
    public Guid? AgencyId { get; private set; }
    public string? AgencyName { get; private set; }
    public List<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var chosen = Agencies.FirstOrDefault(a => a.Id == AdminForm.ReadGuid(AgencyFilter));
        if (!string.IsNullOrWhiteSpace(AgencyFilter) && chosen is null)
            ModelState.AddModelError("agency", "Select an agency from the list");
        AgencyId = chosen?.Id;
        AgencyName = chosen?.Name;
        Users = await admin.ListUsersAsync(AgencyId, cancellationToken);
    }
}
