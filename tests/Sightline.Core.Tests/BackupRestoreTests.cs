using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Core.Tests;

/// <summary>
/// <c>./sightline backup</c> and <c>restore</c>: a backup of a seeded database restored into a fresh install holds
/// every record and every audit entry, and its chain verifies; damaged files and occupied databases are refused
/// without touching anything.
/// </summary>
public abstract class BackupRestoreTests(DatabaseProvider provider) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-backup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DatabaseBackup BackupOf(SeededDemo demo) => demo.Services.GetRequiredService<DatabaseBackup>();

    private sealed record Snapshot(List<Guid> People, List<(long Sequence, string Hash)> Audit, int Seams, int Episodes, int Users);

    private static async Task<Snapshot> SnapshotAsync(SightlineDb db, CancellationToken ct) => new(
        await db.People.Select(p => p.Id).OrderBy(id => id).ToListAsync(ct),
        (await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).ToListAsync(ct)).Select(e => (e.Sequence, e.Hash)).ToList(),
        await db.SeamAssessments.CountAsync(ct),
        await db.MissingEpisodes.CountAsync(ct),
        await db.Users.CountAsync(ct));

    [Fact]
    public async Task A_backup_restored_into_a_fresh_install_has_every_record_every_audit_entry_and_a_verifying_chain()
    {
        await using var source = await SeededDemo.CreateAsync(provider, Now, 30, Ct);
        var before = await SnapshotAsync(source.Db, Ct);
        Assert.NotEmpty(before.People);
        Assert.NotEmpty(before.Audit);
        var file = Path.Combine(_folder, "sightline.backup");

        var backup = await BackupOf(source).BackupAsync(file, Ct);
        Assert.True(backup.Succeeded, backup.Message);
        Assert.Equal(before.People.Count, backup.People);
        Assert.Equal(64, backup.Sha256!.Length);
        Assert.False(File.Exists(file + ".partial"));

        await using var fresh = await SeededDemo.MigratedAsync(provider, Now, Ct);
        var restored = await BackupOf(fresh).RestoreAsync(file, replace: false, Ct);
        Assert.True(restored.Succeeded, restored.Message);

        fresh.Db.ChangeTracker.Clear();
        var after = await SnapshotAsync(fresh.Db, Ct);
        Assert.Equal(before.People, after.People);
        Assert.Equal((before.Seams, before.Episodes, before.Users), (after.Seams, after.Episodes, after.Users));
        Assert.Equal(before.Audit, after.Audit.Take(before.Audit.Count));
        // The restore itself is recorded, on the end of the restored chain.
        Assert.Single(after.Audit.Skip(before.Audit.Count));
        Assert.Equal("database", await fresh.Db.AuditEntries.OrderByDescending(e => e.Sequence).Select(e => e.EntityType).FirstAsync(Ct));
        var (intact, count, fault) = await fresh.Services.GetRequiredService<AuditQueries>().VerifyAsync(Ct);
        Assert.True(intact, fault);
        Assert.Equal(after.Audit.Count, count);
    }

    [Fact]
    public async Task A_database_with_data_is_not_overwritten_unless_asked()
    {
        await using var source = await SeededDemo.CreateAsync(provider, Now, 5, Ct);
        var file = Path.Combine(_folder, "one.backup");
        Assert.True((await BackupOf(source).BackupAsync(file, Ct)).Succeeded);
        var before = await SnapshotAsync(source.Db, Ct);

        var refused = await BackupOf(source).RestoreAsync(file, replace: false, Ct);
        Assert.False(refused.Succeeded);
        Assert.Contains("--replace", refused.Message);
        Assert.Equal(before, await SnapshotAsync(source.Db, Ct), SnapshotComparer.Instance);

        var again = await BackupOf(source).BackupAsync(file, Ct);
        Assert.False(again.Succeeded);
        Assert.Contains("already exists", again.Message);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_and_the_database_is_left_as_it_was()
    {
        await using var source = await SeededDemo.CreateAsync(provider, Now, 5, Ct);
        var file = Path.Combine(_folder, "whole.backup");
        Assert.True((await BackupOf(source).BackupAsync(file, Ct)).Succeeded);
        var damaged = Path.Combine(_folder, "damaged.backup");
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        await File.WriteAllBytesAsync(damaged, bytes[..(bytes.Length / 3)], Ct);

        await using var fresh = await SeededDemo.MigratedAsync(provider, Now, Ct);
        var before = await SnapshotAsync(fresh.Db, Ct);
        var refused = await BackupOf(fresh).RestoreAsync(damaged, replace: true, Ct);
        Assert.False(refused.Succeeded);
        Assert.Equal(before, await SnapshotAsync(fresh.Db, Ct), SnapshotComparer.Instance);
        Assert.False((await BackupOf(fresh).RestoreAsync(Path.Combine(_folder, "absent.backup"), replace: true, Ct)).Succeeded);
    }

    private sealed class SnapshotComparer : IEqualityComparer<Snapshot>
    {
        public static readonly SnapshotComparer Instance = new();
        public bool Equals(Snapshot? x, Snapshot? y) => x is not null && y is not null
            && x.People.SequenceEqual(y.People) && x.Audit.SequenceEqual(y.Audit) && (x.Seams, x.Episodes, x.Users) == (y.Seams, y.Episodes, y.Users);
        public int GetHashCode(Snapshot obj) => obj.People.Count;
    }
}

public sealed class BackupRestoreTests_Sqlite() : BackupRestoreTests(DatabaseProvider.Sqlite);

public sealed class BackupRestoreTests_Postgres() : BackupRestoreTests(DatabaseProvider.Postgres);
