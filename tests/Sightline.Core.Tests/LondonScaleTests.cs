using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Demo;

namespace Sightline.Core.Tests;

/// <summary>
/// <c>./sightline demo generate</c> at a tiny size: exactly the counts asked for, rows EF Core reads
/// back through their relationships, an audit chain that verifies, and the same data for the same seed
/// (and different data for another).
/// </summary>
public abstract class LondonScaleTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 20);
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LondonScaleOptions Tiny(int seed) => new(People: 60, Seed: seed, Flags: 130, Seams: 45, Missing: 170, Users: 25, Partnerships: 3, Audit: 700, Today);

    private sealed record Digest(List<string> People, List<string> Flags, List<string> Seams, List<string> Episodes, List<string> Users, List<string> Audit, string Head);

    private static async Task<Digest> DigestAsync(SightlineDb db, CancellationToken ct) => new(
        await db.People.OrderBy(p => p.Reference).Select(p => p.Id + " " + p.Reference + " " + p.FirstName + " " + p.LastName + " " + p.DateOfBirth).ToListAsync(ct),
        await db.PersonFlags.OrderBy(f => f.Id).Select(f => f.Id + " " + f.PersonId + " " + f.FlagType!.Key + " " + f.StartDate).ToListAsync(ct),
        await db.SeamAssessments.OrderBy(s => s.Id).Select(s => s.Id + " " + s.Total + " " + s.Status + " " + s.AssessedOn).ToListAsync(ct),
        await db.MissingEpisodes.OrderBy(e => e.Id).Select(e => e.Id + " " + e.PersonId + " " + e.LastSeenAt).ToListAsync(ct),
        await db.Users.OrderBy(u => u.Email).Select(u => u.Id + " " + u.Email + " " + u.Role).ToListAsync(ct),
        await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence + " " + e.Hash).ToListAsync(ct),
        (await db.AuditChainHeads.SingleAsync(ct)).Hash);

    private async Task<(Digest Digest, LondonScale.Report Report)> GenerateAsync(int seed)
    {
        await using var database = await SeededDemo.MigratedAsync(provider, Now, Ct);
        var report = await new LondonScale(database.Db).GenerateAsync(Tiny(seed), _ => { }, Ct);
        database.Db.ChangeTracker.Clear();
        var db = database.Db;

        var options = Tiny(seed);
        Assert.Equal(options.People, await db.People.CountAsync(Ct));
        Assert.Equal(options.Flags, await db.PersonFlags.CountAsync(Ct));
        Assert.Equal(options.Seams, await db.SeamAssessments.CountAsync(Ct));
        Assert.Equal(options.Missing, await db.MissingEpisodes.CountAsync(Ct));
        Assert.Equal(options.Users, await db.Users.CountAsync(Ct));
        Assert.Equal(options.Partnerships * DemoPartnership.Agencies.Length, await db.Agencies.CountAsync(Ct));
        Assert.Equal(options.Audit, await db.AuditEntries.CountAsync(Ct));
        Assert.Equal(options.Audit, report.AuditHead);

        // The rows join as EF Core wrote them: keys, enums as names and times all read back.
        Assert.Equal(options.Flags, await db.PersonFlags.CountAsync(f => f.Person!.Reference.StartsWith("SL-") && f.FlagType!.Key != "", Ct));
        Assert.Equal(options.People, await db.People.CountAsync(p => p.Agencies.Any(a => a.Agency!.Kind == Access.AgencyKind.ChildrensSocialCare), Ct));
        var seam = await db.SeamAssessments.Include(s => s.Scores).FirstAsync(s => s.Status == Assessments.SeamStatus.Approved, Ct);
        Assert.Equal(seam.Scores.Sum(s => s.Score), seam.Total);
        Assert.Equal(DateTimeKind.Utc, (await db.MissingEpisodes.FirstAsync(Ct)).LastSeenAt.Kind);
        Assert.True(await db.Users.AnyAsync(u => u.NormalizedEmail == "PRACTITIONER@SIGHTLINE.EXAMPLE", Ct));

        var (intact, count, fault) = await database.Services.GetRequiredService<AuditQueries>().VerifyAsync(Ct);
        Assert.True(intact, fault);
        Assert.Equal(options.Audit, count);
        return (await DigestAsync(db, Ct), report);
    }

    [Fact]
    public async Task Generating_twice_with_one_seed_gives_the_same_data_the_counts_asked_for_and_a_verifying_chain()
    {
        var (first, _) = await GenerateAsync(seed: 11);
        var (second, _) = await GenerateAsync(seed: 11);
        var (other, _) = await GenerateAsync(seed: 12);

        Assert.Equal(first.People, second.People);
        Assert.Equal(first.Flags, second.Flags);
        Assert.Equal(first.Seams, second.Seams);
        Assert.Equal(first.Episodes, second.Episodes);
        Assert.Equal(first.Users, second.Users);
        Assert.Equal(first.Audit, second.Audit);
        Assert.Equal(first.Head, second.Head);
        Assert.NotEqual(first.People, other.People);
        Assert.NotEqual(first.Head, other.Head);
    }

    [Fact]
    public async Task A_database_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        await using var database = await SeededDemo.CreateAsync(provider, Now, 5, Ct);
        var people = await database.Db.People.CountAsync(Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new LondonScale(database.Db).GenerateAsync(Tiny(1), _ => { }, Ct));
        Assert.Equal(people, await database.Db.People.CountAsync(Ct));
    }
}

public sealed class LondonScaleTests_Sqlite() : LondonScaleTests(DatabaseProvider.Sqlite);

public sealed class LondonScaleTests_Postgres() : LondonScaleTests(DatabaseProvider.Postgres);
