using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Demo;
using Sightline.Core.People;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>A fresh database of either provider, migrated and seeded with the demo as `serve` seeds it, at a fixed time.</summary>
public sealed class SeededDemo : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    private SeededDemo(TestDatabase database, ServiceProvider services)
    {
        _database = database;
        _services = services;
        _scope = services.CreateScope();
    }

    public SightlineDb Db => _scope.ServiceProvider.GetRequiredService<SightlineDb>();
    public IServiceProvider Services => _scope.ServiceProvider;

    public static async Task<SeededDemo> CreateAsync(DatabaseProvider provider, DateTimeOffset now, int people, CancellationToken cancellationToken)
    {
        var demo = await MigratedAsync(provider, now, cancellationToken);
        await demo.Services.GetRequiredService<DemoPartnership>().SeedAsync(people, cancellationToken: cancellationToken);
        demo.Db.ChangeTracker.Clear();
        return demo;
    }

    /// <summary>A fresh install: migrated (reference data only), no demo.</summary>
    public static async Task<SeededDemo> MigratedAsync(DatabaseProvider provider, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSightlineCore(database.AsConfiguration());
        services.AddSingleton<TimeProvider>(new FixedClock(now));
        services.AddSingleton<IAuditActor>(FixedAuditActor.System);
        services.AddIdentityCore<SightlineUser>().AddEntityFrameworkStores<SightlineDb>();
        services.AddScoped<DemoPartnership>();
        var demo = new SeededDemo(database, services.BuildServiceProvider());
        await demo.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return demo;
    }

    /// <summary>The demo's practitioners, team manager and senior manager, as the generators see them.</summary>
    public async Task<DemoStaff> StaffAsync(CancellationToken cancellationToken)
    {
        var users = await Db.Users.AsNoTracking().ToListAsync(cancellationToken);
        static DemoStaff.Member Member(SightlineUser u) => new(u.Id, u.AgencyId, u.DisplayName);
        return new DemoStaff(
            users.Where(u => u.Role == Role.Practitioner).Select(Member).ToList(),
            Member(users.Single(u => u.Role == Role.TeamManager)), Member(users.Single(u => u.Role == Role.SeniorManager)));
    }

    public async ValueTask DisposeAsync()
    {
        _scope.Dispose();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Synthetic young people as the demo makes them (the first agency involved, and up to two others), for the generators under test.</summary>
public static class DemoTestPeople
{
    public static List<Person> Generate(int seed, int count, DateOnly today, DateTime at, IReadOnlyList<Guid> agencyIds)
    {
        var people = new SyntheticPeople(seed);
        var all = new List<Person>();
        for (var i = 0; i < count; i++)
        {
            var person = people.Next(today, at, Guid.Empty).Person;
            person.Agencies.Add(new AgencyInvolvement { AgencyId = agencyIds[0], StartDate = today.AddDays(-people.Number(700)) });
            foreach (var index in Enumerable.Range(0, people.Number(3)).Select(_ => people.Number(100)).Distinct())
            {
                var agency = agencyIds[1 + index % (agencyIds.Count - 1)];
                if (person.Agencies.All(a => a.AgencyId != agency)) person.Agencies.Add(new AgencyInvolvement { AgencyId = agency, StartDate = today.AddDays(-people.Number(500)) });
            }
            all.Add(person);
        }
        return all;
    }
}
