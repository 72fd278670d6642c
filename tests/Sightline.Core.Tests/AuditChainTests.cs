using Sightline.Core.Audit;

namespace Sightline.Core.Tests;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry
            {
                Sequence = i, OccurredAt = AuditChain.Truncate(new DateTime(2026, 11, 22, 9, 0, i, DateTimeKind.Utc).AddTicks(1234567)),
                UserId = Guid.NewGuid(), UserEmail = "worker@test.example", Action = AuditAction.View, EntityType = "person",
                EntityId = Guid.NewGuid().ToString(), PersonId = Guid.NewGuid(), Details = "{\"x\":1}", IpAddress = "127.0.0.1",
                PreviousHash = previous, Hash = "",
            };
            entry.Hash = AuditChain.ComputeHash(entry);
            previous = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    private static string? Verify(IEnumerable<AuditEntry> entries, AuditChainHead head)
    {
        var verifier = new AuditChain.Verifier();
        foreach (var e in entries)
        {
            var fault = verifier.Check(e);
            if (fault is not null) return fault;
        }
        return verifier.CheckHead(head);
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var chain = Chain(5);
        Assert.Null(Verify(chain, new AuditChainHead { Id = 1, Sequence = 5, Hash = chain[^1].Hash }));
    }

    [Fact]
    public void Changing_any_entry_is_detected_at_that_entry()
    {
        var chain = Chain(5);
        chain[2].Details = "{\"x\":2}";
        Assert.Contains("entry 3 has been altered", Verify(chain, new AuditChainHead { Id = 1, Sequence = 5, Hash = chain[^1].Hash }));
    }

    [Fact]
    public void Removing_an_entry_is_detected()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Contains("entry 2 is missing", Verify(chain, new AuditChainHead { Id = 1, Sequence = 5, Hash = chain[^1].Hash }));
    }

    [Fact]
    public void Removing_the_newest_entries_is_detected_by_the_head()
    {
        var chain = Chain(5);
        var head = new AuditChainHead { Id = 1, Sequence = 5, Hash = chain[^1].Hash };
        chain.RemoveAt(4);
        Assert.Contains("should hold 5 entries but 4", Verify(chain, head));
    }

    [Fact]
    public void Rehashing_an_altered_entry_still_breaks_the_link_to_the_next()
    {
        var chain = Chain(4);
        chain[1].UserEmail = "someone-else@test.example";
        chain[1].Hash = AuditChain.ComputeHash(chain[1]);
        Assert.Contains("entry 3 does not point", Verify(chain, new AuditChainHead { Id = 1, Sequence = 4, Hash = chain[^1].Hash }));
    }

    [Fact]
    public void Timestamps_are_kept_to_the_microsecond_so_postgres_round_trips_them()
    {
        var t = AuditChain.Truncate(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567));
        Assert.Equal(0, t.Ticks % 10);
        Assert.Equal(1234560, t.Ticks - new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks);
    }
}
