using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Core.Demo;
using Sightline.Core.Network;

namespace Sightline.Core.Tests;

/// <summary>The demo network is deterministic and shows every kind of link worth a look.</summary>
public sealed class DemoNetworkTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DemoStaff.Member Police = new(Guid.NewGuid(), Guid.NewGuid(), "Pat Police");
    private static readonly DemoStaff.Member Practitioner = new(Guid.NewGuid(), Guid.NewGuid(), "Priya Practitioner");
    private static readonly List<Guid> YoungPeople = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
    private static readonly Dictionary<string, Guid> Tactics = DisruptionTactics.Standard.ToDictionary(t => t.Key, _ => Guid.NewGuid());

    private static DemoNetworkData Build(int seed = 2017) => DemoNetwork.Build(seed, Now, YoungPeople, Police, Practitioner, Tactics, Guid.NewGuid());

    [Fact]
    public void The_same_seed_and_date_give_the_same_network()
    {
        static string Shape(DemoNetworkData d) => string.Join(";", d.Associations.Select(a => $"{a.FromKind}{a.Type}{a.ToKind}{a.Date}{a.Confidence}"))
            + string.Join(";", d.Disruption.Select(x => $"{x.StartDate}{x.Status}"));
        Assert.Equal(Shape(Build()), Shape(Build()));
        Assert.NotEqual(Shape(Build(1)), Shape(Build(2)));
    }

    [Fact]
    public void Seen_by_the_police_the_demo_shows_shared_connections_and_groups_that_grew_since_last_month()
    {
        var data = Build();
        var nodes = YoungPeople.Select((id, i) => new NetworkNode(NodeKind.Person, id, $"Young {i:00}", null, 1))
            .Concat(data.PersonsOfConcern.Select(p => new NetworkNode(NodeKind.PersonOfConcern, p.Id, p.Name, null, 1)))
            .Concat(data.Places.Select(p => new NetworkNode(NodeKind.Place, p.Id, p.Name, null, 1))).ToList();
        var edges = data.Associations.Select(a => new NetworkEdge(a.Id, new(a.FromKind, a.FromId), new(a.ToKind, a.ToId), a.Type, a.Date, a.Confidence, a.Source)).ToList();
        var links = LinkRules.Find(nodes, edges, London.DateOf(Now).AddMonths(-1));
        var shared = links.Where(l => l.Kind == LinkKind.SharedConnection).Select(l => l.Hub.Label).ToList();
        foreach (var hub in new[] { "Dean Harlow", "Kai Mercer", "Brookside Park", "Chicken Express", "Station Approach Hotel", "Cloud Nine Lounge" })
            Assert.Contains(hub, shared);
        Assert.Contains(links, l => l.Kind == LinkKind.GroupGrew);
        Assert.All(data.Associations, a => Assert.True(a.Date <= London.DateOf(Now)));
    }

    [Fact]
    public void Two_persons_of_concern_are_shared_with_the_demo_practitioner_and_the_rest_are_for_the_police()
    {
        var data = Build();
        var shared = data.PersonsOfConcern.Where(p => p.NamedUsers.Any(n => n.UserId == Practitioner.UserId)).Select(p => p.Name).ToList();
        Assert.Equal(["Dean Harlow", "Kai Mercer"], shared);
        Assert.Equal(5, data.Disruption.Count);
    }
}

/// <summary>The seeded demo: the demo practitioner opens a young person's network and sees links worth a look; the police see more.</summary>
public abstract class SeededDemoNetworkTests(DatabaseProvider provider)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_practitioner_sees_links_worth_a_look_and_the_police_see_persons_of_concern_the_practitioner_does_not()
    {
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        await using var demo = await SeededDemo.CreateAsync(provider, now, 120, Ct);
        var users = await demo.Db.Users.ToListAsync(Ct);
        CurrentUser Me(string email)
        {
            var u = users.Single(x => x.Email == email);
            return new CurrentUser(u.Id, u.Email!, u.DisplayName, u.AgencyId, u.Role);
        }
        var dean = demo.Db.PersonsOfConcern.Single(p => p.Name == "Dean Harlow").Id;
        var victim = demo.Db.Associations.Where(a => a.ToId == dean && a.FromKind == NodeKind.Person).OrderBy(a => a.Date).First().FromId;
        var query = demo.Services.GetRequiredService<NetworkQuery>();
        var since = London.DateOf(now.UtcDateTime).AddMonths(-1);
        var practitioner = (await query.ForPersonAsync(Me("practitioner@sightline.example"), victim, new NetworkFilter(), since, Ct))!;
        Assert.Contains(practitioner.LinksWorthALook, l => l.Kind == LinkKind.SharedConnection && l.Hub.Label == "Dean Harlow");
        Assert.Contains(practitioner.LinksWorthALook, l => l.Kind == LinkKind.GroupGrew);
        Assert.DoesNotContain(practitioner.Nodes, n => n.Label == "Lewis Tarrant"); // police only
        var police = Me("police@sightline.example");
        var visible = demo.Services.GetRequiredService<PersonOfConcernVisibility>();
        Assert.Equal(4, demo.Db.PersonsOfConcern.Count(visible.VisibleTo(police)));
        Assert.Equal(2, demo.Db.PersonsOfConcern.Count(visible.VisibleTo(Me("practitioner@sightline.example"))));
    }
}

public sealed class SeededDemoNetworkTests_Sqlite() : SeededDemoNetworkTests(DatabaseProvider.Sqlite);

public sealed class SeededDemoNetworkTests_Postgres() : SeededDemoNetworkTests(DatabaseProvider.Postgres);
