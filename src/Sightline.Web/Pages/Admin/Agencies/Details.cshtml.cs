using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Admin.Agencies;

public sealed class DetailsModel(UserAdministration admin, SightlineDb db) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [FromQuery(Name = "done")] public string? DoneKey { get; set; }
    public Agency? Agency { get; private set; }
    public int Users { get; private set; }

    public string? Done => DoneKey switch
    {
        "added" => "Agency added",
        "changed" => "Agency saved",
        "team-added" => "Team added",
        "team-changed" => "Team saved",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Agency = await admin.GetAgencyAsync(Id, cancellationToken);
        if (Agency is null) return NotFound();
        Users = await db.Users.CountAsync(u => u.AgencyId == Id, cancellationToken);
        return Page();
    }
}
