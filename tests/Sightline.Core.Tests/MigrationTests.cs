using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.People;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>Forward-only migrations on both providers: a fresh build matches the model, and an upgrade keeps the data.</summary>
public abstract class MigrationTests(DatabaseProvider provider)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string FirstVersion = "20261122000001_Foundation";

    [Fact]
    public async Task Every_mapped_table_and_column_exists_after_migrating()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync(Ct);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var table = entity.GetTableName()!;
            var columns = entity.GetProperties().Select(p => $"\"{p.GetColumnName()}\"").Distinct();
            // Fails with "no such column"/"does not exist" if a migration forgot something the model maps.
            // Names come from our own model, not from input.
            var sql = "SELECT " + string.Join(", ", columns) + " FROM \"" + table + "\" WHERE 1 = 0";
            await db.Database.ExecuteSqlRawAsync(sql, Ct);
        }
    }

    [Fact]
    public async Task Upgrading_from_the_first_version_keeps_every_row_and_the_audit_chain()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid personId;
        await using (var v1 = database.NewContext(new AuditTrail(FixedAuditActor.System, TimeProvider.System)))
        {
            await v1.GetService<IMigrator>().MigrateAsync(FirstVersion, Ct);
            var type = new FlagType { Key = "gangs", Name = "Gangs" };
            var person = new Person { FirstName = "Upgrade", LastName = "Survivor", DateOfBirth = new DateOnly(2010, 1, 2), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            person.RefreshSearchName();
            person.Flags.Add(new PersonFlag { FlagType = type, StartDate = new DateOnly(2025, 5, 1), SetAt = DateTime.UtcNow });
            v1.People.Add(person);
            await v1.SaveChangesAsync(Ct);
            personId = person.Id;
        }

        await using var latest = database.NewContext(new AuditTrail(FixedAuditActor.System, TimeProvider.System));
        var applied = await new DatabaseMigrator(latest).MigrateAsync(Ct);
        Assert.NotEmpty(applied);
        Assert.Empty(await latest.Database.GetPendingMigrationsAsync(Ct));

        var stored = await latest.People.Include(p => p.Flags).ThenInclude(f => f.FlagType).SingleAsync(p => p.Id == personId, Ct);
        Assert.Equal("Upgrade", stored.FirstName);
        Assert.Equal(new DateOnly(2010, 1, 2), stored.DateOfBirth);
        Assert.Equal("gangs", Assert.Single(stored.Flags).FlagType!.Key);
        var (intact, count, fault) = await new AuditQueries(latest).VerifyAsync(Ct);
        Assert.True(intact, fault);
        Assert.Equal(3, count); // the person, their flag and the flag type each left one entry
        // The reference data the migrator ensures is added alongside what was there.
        Assert.True(await latest.FlagTypes.CountAsync(Ct) >= FlagTypes.Standard.Count);
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await new DatabaseMigrator(db).MigrateAsync(Ct);
        var types = await db.FlagTypes.CountAsync(Ct);
        Assert.Empty(await new DatabaseMigrator(db).MigrateAsync(Ct));
        Assert.Equal(types, await db.FlagTypes.CountAsync(Ct));
    }
}

public sealed class MigrationTests_Sqlite() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class MigrationTests_Postgres() : MigrationTests(DatabaseProvider.Postgres);
