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
