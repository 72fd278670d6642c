using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Core.Audit;

/// <summary>
/// Collects audit entries for one unit of work and appends them to the hash chain when the
/// context saves. Reads are recorded explicitly (<see cref="Record"/>); writes to auditable
/// entities are captured from the change tracker with their before/after values.
/// </summary>
public sealed class AuditTrail(IAuditActor actor, TimeProvider clock)
{
    private readonly List<AuditEntry> _pending = [];
    private SightlineDb? _db;

    /// <summary>Fields never copied into the trail: secrets, and bookkeeping that changes on every save.</summary>
    private static readonly HashSet<string> Unrecorded =
    [
        nameof(SightlineUser.PasswordHash), nameof(SightlineUser.SecurityStamp), nameof(SightlineUser.ConcurrencyStamp),
        nameof(ApiToken.TokenHash), nameof(Person.Version), nameof(Person.SearchName), nameof(Person.UpdatedAt),
        nameof(ApiToken.LastUsedAt), nameof(SightlineUser.LastSignInAt), nameof(SightlineUser.AccessFailedCount),
    ];

    internal AuditTrail Attach(SightlineDb db)
    {
        _db = db;
        return this;
    }

    public IAuditActor Actor => actor;
    public bool HasPending => _pending.Count > 0;

    /// <summary>Records an access that changes nothing (a view, a search, an export). Saved with the next SaveChanges.</summary>
    public void Record(AuditAction action, string entityType, string? entityId, Guid? personId = null, object? details = null) =>
        _pending.Add(New(action, entityType, entityId, personId, details is null ? null : JsonSerializer.Serialize(details)));

    /// <summary>Records and saves at once.</summary>
    public async Task RecordNowAsync(AuditAction action, string entityType, string? entityId, Guid? personId = null, object? details = null, CancellationToken cancellationToken = default)
    {
        Record(action, entityType, entityId, personId, details);
        await Db.SaveChangesAsync(cancellationToken);
    }

    private SightlineDb Db => _db ?? throw new InvalidOperationException("The audit trail is not attached to a context.");

    private AuditEntry New(AuditAction action, string entityType, string? entityId, Guid? personId, string? details) => new()
    {
        OccurredAt = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime),
        UserId = actor.UserId,
        UserEmail = actor.UserEmail,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        PersonId = personId,
        Details = details,
        IpAddress = actor.IpAddress,
        PreviousHash = "",
        Hash = "",
    };

    internal void CaptureChanges()
    {
        foreach (var entry in Db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is AuditEntry or AuditChainHead or DataProtectionKey) continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            var changes = DescribeChanges(entry);
            if (action == AuditAction.Update && changes.Count == 0) continue;
            // Name what a foreign key points at when it is at hand, so the trail reads without lookups.
            if (entry.Entity is PersonFlag { FlagType: { } flagType }) changes["FlagType"] = flagType.Key;
            if (entry.Entity is AgencyInvolvement { Agency: { } agency }) changes["Agency"] = agency.Name;
            var (entityType, personId) = Describe(entry.Entity);
            var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()).FirstOrDefault();
            _pending.Add(New(action, entityType, key, personId, JsonSerializer.Serialize(new { changes })));
        }
    }

    private static (string EntityType, Guid? PersonId) Describe(object entity) => entity switch
    {
        Person p => ("person", p.Id),
        AgencyInvolvement i => ("agency-involvement", i.PersonId),
        PersonFlag f => ("flag", f.PersonId),
        PersonAccessGrant g => ("access-grant", g.PersonId),
        CaseNote n => ("note", n.PersonId),
        BreakGlassAccess b => ("break-glass", b.PersonId),
        Network.Association a => ("association", a.FirstPersonId),
        IBelongsToPerson owned => (ToKebab(entity.GetType().Name), owned.PersonId),
        Sightline.Core.Panels.AgendaItem a => ("agenda-item", a.PersonId),
        Sightline.Core.Panels.PanelAction a => ("panel-action", a.PersonId),
        _ => (ToKebab(entity.GetType().Name), null),
    };

    private static string ToKebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static Dictionary<string, object?> DescribeChanges(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Unrecorded.Contains(name) || property.Metadata.IsShadowProperty()) continue;
            // Identity's user tokens hold secrets (the authenticator key): record that one changed, never its value.
            if (entry.Entity is Microsoft.AspNetCore.Identity.IdentityUserToken<Guid> && name == nameof(Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>.Value)) continue;
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    changes[name] = property.CurrentValue;
                    break;
                case EntityState.Deleted:
                    changes[name] = new { from = property.OriginalValue };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = new { from = property.OriginalValue, to = property.CurrentValue };
                    break;
            }
        }
        return changes;
    }

    /// <summary>
    /// Claims sequence numbers by bumping the single head row (a row lock that serialises appends
    /// across connections and app instances), chains the pending entries and adds them.
    /// Must run inside the caller's transaction.
    /// </summary>
    internal async Task AppendPendingAsync(CancellationToken cancellationToken)
    {
        var db = Db;
        var batch = _pending.ToList();
        _pending.Clear();
        var connection = db.Database.GetDbConnection();
        await using var bump = connection.CreateCommand();
        bump.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        bump.CommandText = """UPDATE "AuditChainHeads" SET "Sequence" = "Sequence" + @n WHERE "Id" = 1 RETURNING "Sequence", "Hash" """;
        AddParameter(bump, "@n", (long)batch.Count);
        long last;
        string previousHash;
        await using (var reader = await bump.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
                throw new InvalidOperationException("The audit chain head is missing: run the migrations.");
            last = reader.GetInt64(0);
            previousHash = reader.GetString(1);
        }
        var sequence = last - batch.Count;
        foreach (var entry in batch)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previousHash;
            entry.Hash = AuditChain.ComputeHash(entry);
            previousHash = entry.Hash;
        }
        await using var setHash = connection.CreateCommand();
        setHash.Transaction = bump.Transaction;
        setHash.CommandText = """UPDATE "AuditChainHeads" SET "Hash" = @h WHERE "Id" = 1""";
        AddParameter(setHash, "@h", previousHash);
        await setHash.ExecuteNonQueryAsync(cancellationToken);
        db.AuditEntries.AddRange(batch);
    }

    internal void DiscardPending() => _pending.Clear();

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
