using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;

namespace Sightline.Core.Network;

/// <summary>Which nodes of the network a user may see: each kind by its own rule, asked in sets.</summary>
public sealed class NetworkVisibility(SightlineDb db, NeedToKnow needToKnow, PersonOfConcernVisibility persons)
{
    public async Task<bool> CanSeeAsync(CurrentUser user, NodeRef node, CancellationToken cancellationToken) =>
        (await VisibleAsync(user, node.Kind, [node.Id], cancellationToken)).Count == 1;

    /// <summary>Of these ids of one kind, those the user may see.</summary>
    public async Task<HashSet<Guid>> VisibleAsync(CurrentUser user, NodeKind kind, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0 || !user.ReadsRecords) return [];
        var list = ids.ToList();
        var query = kind switch
        {
            NodeKind.Person => needToKnow.VisiblePeople(user).Where(id => list.Contains(id)),
            NodeKind.PersonOfConcern => persons.VisibleIds(user).Where(id => list.Contains(id)),
            _ => db.Places.Where(p => list.Contains(p.Id)).Select(p => p.Id),
        };
        return (await query.ToListAsync(cancellationToken)).ToHashSet();
    }
}
