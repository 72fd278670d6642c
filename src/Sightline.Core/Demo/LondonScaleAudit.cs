using System.Text.Json;
using Sightline.Core.Audit;

namespace Sightline.Core.Demo;

/// <summary>
/// Audit entries for a London-scale database: views, searches and edits by the partnerships' staff
/// over the last three years, oldest first, chained on from the current head of the chain exactly
/// as <see cref="AuditTrail"/> chains them (hash computed in sequence order, in process). After the
/// stream has been written, <see cref="Head"/> is what the chain head row must say.
/// </summary>
public sealed class LondonScaleAudit(LondonScaleOptions options, LondonScaleStaff staff, IReadOnlyList<LondonScaleRecords.PersonStub> people, AuditChainHead start)
{
    private long _sequence = start.Sequence;
    private string _hash = start.Hash;

    public AuditChainHead Head => new() { Id = start.Id, Sequence = _sequence, Hash = _hash };

    private static readonly string[] Searches = ["PRIYA PAT", "JAYDEN", "KHAN", "AMARA O", "SL-2", "TYLER WALKER", "MAYA", "OMAR SHAH"];

    public IEnumerable<AuditEntry> Entries()
    {
        var random = LondonScaleRandom.For(options.Seed, "audit");
        var from = London.StartOf(options.Today.AddYears(-3));
        var step = (London.StartOf(options.Today) - from).Ticks / Math.Max(1, options.Audit);
        for (long n = 0; n < options.Audit; n++)
        {
            var p = random.Next(people.Count);
            var partnership = staff.Partnerships[p % staff.Partnerships.Count];
            var user = random.Pick(partnership.Everyone);
            var person = people[p].Id;
            var roll = random.Next(100);
            var (action, type, id, details) = roll switch
            {
                < 62 => (AuditAction.View, "person", person.ToString("D"), (string?)null),
                < 80 => (AuditAction.Search, "person", null, $$"""{"q":"{{random.Pick(Searches)}}","results":{{random.Next(0, 40)}}}"""),
                < 92 => (AuditAction.Update, "person", person.ToString("D"), JsonSerializer.Serialize(new { changes = new { Postcode = new { from = $"N{random.Next(1, 22)} 1AA", to = $"E{random.Next(1, 20)} 2BB" } } })),
                < 98 => (AuditAction.Create, "flag", random.Guid().ToString("D"), """{"changes":{"FlagType":"gangs"}}"""),
                _ => (AuditAction.Export, "chronology", person.ToString("D"), """{"format":"pdf"}"""),
            };
            var entry = new AuditEntry
            {
                Sequence = _sequence + 1,
                OccurredAt = AuditChain.Truncate(from.AddTicks(step * n + random.Next((int)Math.Min(int.MaxValue, Math.Max(1, step))))),
                UserId = user.Id, UserEmail = user.Email, Action = action, EntityType = type, EntityId = id,
                PersonId = action == AuditAction.Search ? null : person, Details = details,
                IpAddress = $"10.{partnership.Index}.{random.Next(256)}.{random.Next(1, 255)}",
                PreviousHash = _hash, Hash = "",
            };
            entry.Hash = AuditChain.ComputeHash(entry);
            (_sequence, _hash) = (entry.Sequence, entry.Hash);
            yield return entry;
        }
    }
}
