using System.Linq.Expressions;
using Sightline.Core.Access;
using Sightline.Core.Data;

namespace Sightline.Core.Network;

/// <summary>
/// A further way in to persons of concern, beyond the police and named users: the panels register
/// one so that members of a panel tracking a person of concern see them. Each grant is an
/// expression EF can translate, so the whole rule stays one WHERE clause.
/// </summary>
public interface IPersonOfConcernGrant
{
    Expression<Func<PersonOfConcern, bool>> Grants(CurrentUser user);
}

/// <summary>
/// Who may see a person of concern. Deny by default: only roles that work with records, and of
/// those only police users (their agency is of kind <see cref="AgencyKind.Police"/>), users named
/// on the person, and whatever the registered <see cref="IPersonOfConcernGrant"/>s allow.
/// Administrators and analysts never see them.
/// </summary>
public sealed class PersonOfConcernVisibility(SightlineDb db, IEnumerable<IPersonOfConcernGrant> grants)
{
    public Expression<Func<PersonOfConcern, bool>> VisibleTo(CurrentUser user)
    {
        if (!user.ReadsRecords) return _ => false;
        var (userId, agencyId) = (user.UserId, user.AgencyId);
        var agencies = db.Agencies;
        Expression<Func<PersonOfConcern, bool>> rule = p =>
            agencies.Any(a => a.Id == agencyId && a.Kind == AgencyKind.Police)
            || p.NamedUsers.Any(n => n.UserId == userId);
        return grants.Aggregate(rule, (current, grant) => Predicates.Either(current, grant.Grants(user)));
    }

    /// <summary>The ids of the persons of concern the user may see.</summary>
    public IQueryable<Guid> VisibleIds(CurrentUser user) => db.PersonsOfConcern.Where(VisibleTo(user)).Select(p => p.Id);
}
