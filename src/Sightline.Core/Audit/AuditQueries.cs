using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Core.Audit;

public sealed record AuditLine(long Sequence, DateTime OccurredAt, Guid? UserId, string? UserEmail, string? UserName, AuditAction Action, string EntityType, string? EntityId, Guid? PersonId, string? Details, string? IpAddress);

/// <summary>Reads the trail for the pages that answer "who has seen this record?" and "what has this user done?".</summary>
public sealed class AuditQueries(SightlineDb db)
{
    public Task<Page<AuditLine>> ForPersonAsync(Guid personId, int page, int pageSize = 50, CancellationToken cancellationToken = default) =>
        PageAsync(db.AuditEntries.Where(e => e.PersonId == personId), page, pageSize, cancellationToken);

    public Task<Page<AuditLine>> ForUserAsync(Guid userId, int page, int pageSize = 50, CancellationToken cancellationToken = default) =>
        PageAsync(db.AuditEntries.Where(e => e.UserId == userId), page, pageSize, cancellationToken);

    private async Task<Page<AuditLine>> PageAsync(IQueryable<AuditEntry> entries, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.AsNoTracking().OrderByDescending(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditLine(e.Sequence, e.OccurredAt, e.UserId, e.UserEmail,
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                e.Action, e.EntityType, e.EntityId, e.PersonId, e.Details, e.IpAddress))
            .ToListAsync(cancellationToken);
        return new Page<AuditLine>(rows, page, pageSize, total);
    }

    /// <summary>Walks the whole chain in order, streaming, and reports the first fault.</summary>
    public async Task<(bool Intact, long Checked, string? Fault)> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var verifier = new AuditChain.Verifier();
        const int batch = 5000;
        long after = 0;
        while (true)
        {
            var rows = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(batch).ToListAsync(cancellationToken);
            foreach (var entry in rows)
            {
                var fault = verifier.Check(entry);
                if (fault is not null) return (false, verifier.Checked, fault);
            }
            if (rows.Count < batch) break;
            after = rows[^1].Sequence;
        }
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == 1, cancellationToken);
        var headFault = verifier.CheckHead(head);
        return (headFault is null, verifier.Checked, headFault);
    }
}
