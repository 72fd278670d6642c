using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Core.Access;

public enum AccessBasis { None, AgencyInvolved, NamedOnRestrictedRecord, BreakGlass }

/// <summary>The outcome of asking whether a user may open a record. <see cref="Exists"/> is for break-glass only: never show it to the API.</summary>
public sealed record AccessDecision(bool Exists, AccessBasis Basis, bool IsRestricted)
{
    public bool Allowed => Basis != AccessBasis.None;
}

/// <summary>
/// Who may see a young person's record. Deny by default:
/// <list type="bullet">
/// <item>only roles that work with records (practitioners and managers) — never administrators or analysts;</item>
/// <item>an unrestricted record: while the user's agency is involved;</item>
/// <item>a restricted record: only the users named on it;</item>
/// <item>anyone else: only through an unexpired break-glass access.</item>
/// </list>
/// The same rule is one SQL-translatable expression, so searches and lists filter in the database.
/// </summary>
public sealed class NeedToKnow(SightlineDb db, TimeProvider clock)
{
    public Expression<Func<Person, bool>> VisibleTo(CurrentUser user)
    {
        if (!user.ReadsRecords) return _ => false;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.LondonToday();
        var userId = user.UserId;
        var agencyId = user.AgencyId;
        var breakGlass = db.BreakGlassAccesses;
        return p =>
            (!p.IsRestricted && p.Agencies.Any(a => a.AgencyId == agencyId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today)))
            || (p.IsRestricted && p.AccessList.Any(g => g.UserId == userId))
            || breakGlass.Any(b => b.PersonId == p.Id && b.UserId == userId && b.ExpiresAt > now);
    }

    public async Task<AccessDecision> DecideAsync(CurrentUser user, Guid personId, CancellationToken cancellationToken = default)
    {
        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new { p.IsRestricted })
            .FirstOrDefaultAsync(cancellationToken);
        if (person is null) return new AccessDecision(false, AccessBasis.None, false);
        if (!user.ReadsRecords) return new AccessDecision(true, AccessBasis.None, person.IsRestricted);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.LondonToday();
        if (person.IsRestricted)
        {
            if (await db.PersonAccessGrants.AnyAsync(g => g.PersonId == personId && g.UserId == user.UserId, cancellationToken))
                return new AccessDecision(true, AccessBasis.NamedOnRestrictedRecord, true);
        }
        else if (await db.AgencyInvolvements.AnyAsync(a => a.PersonId == personId && a.AgencyId == user.AgencyId
                     && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today), cancellationToken))
        {
            return new AccessDecision(true, AccessBasis.AgencyInvolved, false);
        }
        var glass = await db.BreakGlassAccesses.AnyAsync(b => b.PersonId == personId && b.UserId == user.UserId && b.ExpiresAt > now, cancellationToken);
        return new AccessDecision(true, glass ? AccessBasis.BreakGlass : AccessBasis.None, person.IsRestricted);
    }
}
