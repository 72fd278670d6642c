using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Admin.Users;

/// <summary>
/// The agencies and teams a user can be given: active ones, plus the user's current ones (so an
/// unchanged form still shows them). Teams of every agency are listed with their agency's name,
/// because the form works without JavaScript; the rules check the team belongs to the agency.
/// </summary>
public sealed record UserFormOptions(IReadOnlyList<(string Value, string Text)> Agencies, IReadOnlyList<(string Value, string Text)> Teams)
{
    public static async Task<UserFormOptions> LoadAsync(SightlineDb db, Guid? currentAgencyId = null, Guid? currentTeamId = null, CancellationToken cancellationToken = default)
    {
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.IsActive || a.Id == currentAgencyId)
            .OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.IsActive })
            .ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking()
            .Where(t => (t.IsActive && t.Agency!.IsActive) || t.Id == currentTeamId)
            .OrderBy(t => t.Agency!.Name).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.IsActive, Agency = t.Agency!.Name })
            .ToListAsync(cancellationToken);
        return new UserFormOptions(
            agencies.Select(a => (a.Id.ToString(), a.IsActive ? a.Name : $"{a.Name} (inactive)")).ToList(),
            teams.Select(t => (t.Id.ToString(), $"{t.Agency}: {t.Name}{(t.IsActive ? "" : " (inactive)")}")).ToList());
    }
}
