using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Core.Access;

public enum AccessBasis { None, AgencyInvolved, NamedOnRestrictedRecord, PanelMember, BreakGlass }

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
/// <item>an unrestricted record on an issued agenda of a panel: that panel's chair and named members,
/// until the item is closed (issue 7) — member agencies alone do not open it;</item>
/// <item>anyone else: only through an unexpired break-glass access.</item>
/// </list>
/// Each way in is written once, as a SQL-translatable expression: searches filter with them in the
/// database, and a single record's decision asks the same expressions which one applies.
/// </summary>
public sealed class NeedToKnow(SightlineDb db, TimeProvider clock)
{
    /// <summary>The everyday way in: your agency is involved, or you are named on a restricted record.</summary>
    private Expression<Func<Person, bool>> Ordinarily(CurrentUser user)
    {
        var today = clock.LondonToday();
        var (userId, agencyId) = (user.UserId, user.AgencyId);
        return p =>
            (!p.IsRestricted && p.Agencies.Any(a => a.AgencyId == agencyId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today)))
            || (p.IsRestricted && p.AccessList.Any(g => g.UserId == userId));
    }

    /// <summary>On an open item of an issued agenda of an active panel the user chairs or is named on.</summary>
    private Expression<Func<Person, bool>> ThroughPanel(CurrentUser user)
    {
        var items = Panels.PanelAccess.OpenItemsSeenBy(db, user.UserId);
        return p => !p.IsRestricted && items.Any(i => i.PersonId == p.Id);
    }

    private Expression<Func<Person, bool>> ThroughBreakGlass(CurrentUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.UserId;
        var breakGlass = db.BreakGlassAccesses;
        return p => breakGlass.Any(b => b.PersonId == p.Id && b.UserId == userId && b.ExpiresAt > now);
    }

    public Expression<Func<Person, bool>> VisibleTo(CurrentUser user) =>
        user.ReadsRecords ? Predicates.Either(Predicates.Either(Ordinarily(user), ThroughPanel(user)), ThroughBreakGlass(user)) : _ => false;

    /// <summary>The ids of the people the user may see: filter anything that belongs to a person with it.</summary>
    public IQueryable<Guid> VisiblePeople(CurrentUser user) => db.People.Where(VisibleTo(user)).Select(p => p.Id);

    public async Task<AccessDecision> DecideAsync(CurrentUser user, Guid personId, CancellationToken cancellationToken = default)
    {
        var person = db.People.AsNoTracking().Where(p => p.Id == personId);
        var found = await person.Select(p => new { p.IsRestricted }).FirstOrDefaultAsync(cancellationToken);
        if (found is null) return new AccessDecision(false, AccessBasis.None, false);
        if (!user.ReadsRecords) return new AccessDecision(true, AccessBasis.None, found.IsRestricted);
        var basis = await person.AnyAsync(Ordinarily(user), cancellationToken)
            ? found.IsRestricted ? AccessBasis.NamedOnRestrictedRecord : AccessBasis.AgencyInvolved
            : await person.AnyAsync(ThroughPanel(user), cancellationToken) ? AccessBasis.PanelMember
            : await person.AnyAsync(ThroughBreakGlass(user), cancellationToken) ? AccessBasis.BreakGlass : AccessBasis.None;
        return new AccessDecision(true, basis, found.IsRestricted);
    }
}
