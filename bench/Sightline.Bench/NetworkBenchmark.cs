using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Network;
using Sightline.Core.People;

namespace Sightline.Bench;

/// <summary>
/// <c>-- network [people] [associations]</c>: the network query at scale (issue 7), in process over a
/// fresh SQLite file: 100,000 young people and 500,000 associations by default (peers, places and
/// persons of concern), then the one-hop query (the baseline) and the two-hop query, each for the same
/// 40 young people after a short warm-up, as a police user who may see everything (the largest networks). Audit writes included.
/// </summary>
public static class NetworkBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var associations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500_000;
        var file = Path.Combine(Path.GetTempPath(), $"sightline-network-{Guid.NewGuid():N}.db");
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Sightline"] = settings.ConnectionString,
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSightlineCore(configuration);
            services.AddSingleton<IAuditActor>(FixedAuditActor.System);
            await using var provider = services.BuildServiceProvider();
            using (var scope = provider.CreateScope()) await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);

            var clock = Stopwatch.StartNew();
            var (user, ids) = await SeedAsync(settings, people, associations, cancellationToken);
            Console.WriteLine($"Seeded {people:N0} young people and {associations:N0} associations in {clock.Elapsed.TotalSeconds:N0} s");

            var sample = ids.Where((_, i) => i % (ids.Count / 40) == 0).Take(40).ToList();
            // Warm up (query compilation, the first connections) on other young people, untimed.
            foreach (var id in ids.Skip(1).Take(5))
                foreach (var depth in new[] { 1, 2 })
                {
                    using var scope = provider.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<NetworkQuery>().ForPersonAsync(user, id, new NetworkFilter(depth), DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);
                }
            foreach (var depth in new[] { 1, 2 })
            {
                var times = new List<double>();
                var sizes = new List<int>();
                foreach (var id in sample)
                {
                    using var scope = provider.CreateScope();
                    var query = scope.ServiceProvider.GetRequiredService<NetworkQuery>();
                    var watch = Stopwatch.StartNew();
                    var graph = await query.ForPersonAsync(user, id, new NetworkFilter(depth), DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1), cancellationToken);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    sizes.Add(graph!.Nodes.Count);
                }
                times.Sort();
                sizes.Sort();
                Console.WriteLine($"depth {depth}: median {times[times.Count / 2]:N1} ms, p95 {times[(int)(times.Count * 0.95)]:N1} ms, max {times[^1]:N1} ms; median {sizes[sizes.Count / 2]:N0} nodes (max {sizes[^1]:N0})");
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }) if (File.Exists(path)) File.Delete(path);
        }
    }

    /// <summary>Writes directly (not audited), like the demo: one police agency and user, the people, places, persons of concern and links.</summary>
    private static async Task<(CurrentUser User, List<Guid> People)> SeedAsync(DatabaseSettings settings, int people, int associations, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<SightlineDb>();
        settings.Configure(options);
        await using var db = new SightlineDb(options.Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        var agency = new Agency { Name = "Police", Kind = AgencyKind.Police, CreatedAt = now };
        var account = new SightlineUser { Email = "bench@sightline.example", UserName = "bench@sightline.example", DisplayName = "Bench", AgencyId = agency.Id, Role = Role.Practitioner, CreatedAt = now };
        db.Agencies.Add(agency);
        db.Users.Add(account);
        await db.SaveChangesAsync(cancellationToken);

        var random = new Random(2017);
        var ids = new List<Guid>(people);
        for (var done = 0; done < people; done += 5000)
        {
            for (var i = done; i < Math.Min(people, done + 5000); i++)
            {
                var person = new Person { FirstName = $"Young{i}", LastName = "Bench", DateOfBirth = new DateOnly(2010, 1, 1).AddDays(random.Next(2000)), CreatedAt = now, UpdatedAt = now };
                person.RefreshSearchName();
                person.Agencies.Add(new AgencyInvolvement { AgencyId = agency.Id, StartDate = new DateOnly(2024, 1, 1) });
                db.People.Add(person);
                ids.Add(person.Id);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        var places = Enumerable.Range(0, Math.Max(1, people / 50)).Select(i => new Place { Name = $"Place {i}", Type = (PlaceType)(i % 10), CreatedAt = now, UpdatedAt = now }).ToList();
        var concerns = Enumerable.Range(0, Math.Max(1, people / 50)).Select(i => new PersonOfConcern { Name = $"Concern {i}", CreatedAt = now, UpdatedAt = now }).ToList();
        db.Places.AddRange(places);
        db.PersonsOfConcern.AddRange(concerns);
        await db.SaveChangesAsync(cancellationToken);

        // Raw inserts in one transaction: EF would take minutes over half a million rows.
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction;
        insert.CommandText = """INSERT INTO "Associations" ("Id","FromKind","FromId","ToKind","ToId","Type","Date","Confidence","RecordedAt","RecordedByUserId") VALUES ($id,'Person',$from,$kind,$to,$type,$date,'Medium',$at,$by)""";
        var parameters = new[] { "$id", "$from", "$kind", "$to", "$type", "$date", "$at", "$by" }.ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter(n, null)));
        parameters["$at"].Value = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        parameters["$by"].Value = account.Id.ToString().ToUpperInvariant();
        for (var i = 0; i < associations; i++)
        {
            var roll = random.NextDouble();
            var (kind, to, type) = roll < 0.6 ? ("Person", ids[random.Next(ids.Count)], "Peer")
                : roll < 0.85 ? ("Place", places[random.Next(places.Count)].Id, "Frequents")
                : ("PersonOfConcern", concerns[random.Next(concerns.Count)].Id, "VictimOf");
            parameters["$id"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            parameters["$from"].Value = ids[random.Next(ids.Count)].ToString().ToUpperInvariant();
            parameters["$kind"].Value = kind;
            parameters["$to"].Value = to.ToString().ToUpperInvariant();
            parameters["$type"].Value = type;
            parameters["$date"].Value = new DateOnly(2025, 1, 1).AddDays(random.Next(600)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (new CurrentUser(account.Id, account.Email, account.DisplayName, agency.Id, Role.Practitioner), ids);
    }
}
