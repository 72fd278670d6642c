using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Network;
using Sightline.Core.People;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>
/// Persons of concern, associations and the network against a real database: who sees a person of
/// concern, and a network that shows only what the viewer may see and hints at nothing else.
/// </summary>
public abstract class NetworkTests(DatabaseProvider provider) : IAsyncLifetime
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly LastMeeting = new(2026, 10, 1);
    private CoreServices _core = null!;
    private readonly Dictionary<string, CurrentUser> _users = [];
    private readonly Dictionary<string, Guid> _people = [];

    public async ValueTask InitializeAsync()
    {
        _core = await CoreServices.StartAsync(provider, Ct);
        await InScopeAsync<SightlineDb, int>(async db =>
        {
            var socialCare = new Agency { Name = "Children's Social Care", Kind = AgencyKind.ChildrensSocialCare, CreatedAt = DateTime.UtcNow };
            var police = new Agency { Name = "Police", Kind = AgencyKind.Police, CreatedAt = DateTime.UtcNow };
            db.Agencies.AddRange(socialCare, police);
            foreach (var (key, role, agency) in new[]
            {
                ("social-worker", Role.Practitioner, socialCare), ("colleague", Role.Practitioner, socialCare),
                ("analyst", Role.Analyst, socialCare), ("officer", Role.Practitioner, police),
            })
            {
                var user = new SightlineUser { DisplayName = key, Email = $"{key}@test.example", UserName = $"{key}@test.example", NormalizedEmail = $"{key}@test.example".ToUpperInvariant(), AgencyId = agency.Id, Role = role, CreatedAt = DateTime.UtcNow };
                db.Users.Add(user);
                _users[key] = new CurrentUser(user.Id, user.Email, user.DisplayName, agency.Id, role);
            }
            // Amy, Ben and Zed are open to social care; Hana is known only to the police.
            foreach (var (name, agency) in new[] { ("Amy", socialCare), ("Ben", socialCare), ("Zed", socialCare), ("Hana", police) })
            {
                var person = new Person { FirstName = name, LastName = "Test", DateOfBirth = new DateOnly(2011, 4, 1), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
                person.Agencies.Add(new AgencyInvolvement { AgencyId = agency.Id, StartDate = new DateOnly(2025, 1, 1) });
                db.People.Add(person);
                _people[name] = person.Id;
            }
            return await db.SaveChangesAsync(Ct);
        });
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    private Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull => _core.InScopeAsync(work);

    private static PersonOfConcernInput Concern(string name, params string[] named) =>
        new(name, "Alias One\nAlias Two", null, 30, ConcernCategory.Adult, null, [new VehicleInput("ab12 cde", "Black hatchback")], named);

    private async Task<Guid> ConcernAsync(string creator, string name, params string[] named)
    {
        var created = await InScopeAsync<PersonsOfConcern, Outcome<PersonOfConcern>>(p => p.CreateAsync(_users[creator], Concern(name, named), Ct));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors?.All.Select(e => e.Value) ?? []));
        return created.Value!.Id;
    }

    private async Task<Guid> PlaceAsync(string name) =>
        (await InScopeAsync<Places, Outcome<Place>>(p => p.CreateAsync(_users["social-worker"], new PlaceInput(name, PlaceType.Park, null, "N1 1AA", null, null, null), Ct))).Value!.Id;

    private async Task<Outcome<Association>> LinkAsync(string user, NodeRef from, NodeRef to, AssociationType type, DateOnly date) =>
        await InScopeAsync<Associations, Outcome<Association>>(a => a.CreateAsync(_users[user], new AssociationInput(from, to, type, "Return home interview", date, Confidence.High, null), Ct));

    private async Task LinkOkAsync(NodeRef from, NodeRef to, AssociationType type, DateOnly date, string user = "social-worker") =>
        Assert.True((await LinkAsync(user, from, to, type, date)).Succeeded);

    /// <summary>A link nobody in the test can see both ends of (as when two agencies each know one side).</summary>
    private Task SeedLinkAsync(NodeRef from, NodeRef to, AssociationType type, DateOnly date) =>
        InScopeAsync<SightlineDb, int>(db =>
        {
            db.Associations.Add(new Association { FromKind = from.Kind, FromId = from.Id, ToKind = to.Kind, ToId = to.Id, Type = type, Date = date, RecordedAt = DateTime.UtcNow });
            return db.SaveChangesAsync(Ct);
        });

    private NodeRef Young(string name) => new(NodeKind.Person, _people[name]);

    private Task<NetworkGraph?> NetworkAsync(string user, string of, NetworkFilter? filter = null) =>
        InScopeAsync<NetworkQuery, NetworkGraph?>(q => q.ForPersonAsync(_users[user], _people[of], filter ?? new NetworkFilter(), LastMeeting, Ct));

    [Fact]
    public async Task Police_see_persons_of_concern_others_only_when_named_and_analysts_never()
    {
        var id = await ConcernAsync("officer", "Target Police", "colleague@test.example");
        async Task<bool> Sees(string user) => await InScopeAsync<PersonsOfConcern, PersonOfConcernRecord?>(p => p.ViewAsync(_users[user], id, Ct)) is not null;
        Assert.True(await Sees("officer"));
        Assert.True(await Sees("colleague"));      // named
        Assert.False(await Sees("social-worker")); // neither police nor named
        Assert.False(await Sees("analyst"));
        var listed = await InScopeAsync<PersonsOfConcern, IReadOnlyList<PersonOfConcernSummary>>(p => p.ListAsync(_users["social-worker"], null, Ct));
        Assert.DoesNotContain(listed, p => p.Id == id);
    }

    [Fact]
    public async Task Whoever_records_a_person_of_concern_is_named_and_every_view_is_audited()
    {
        var id = await ConcernAsync("social-worker", "Target Named");
        var record = await InScopeAsync<PersonsOfConcern, PersonOfConcernRecord?>(p => p.ViewAsync(_users["social-worker"], id, Ct));
        Assert.NotNull(record);
        Assert.Equal(["AB12 CDE"], record.Person.Vehicles.Select(v => v.Registration));
        Assert.Equal(["Alias One", "Alias Two"], record.Person.AliasList);
        Assert.Contains(record.NamedUsers, u => u.Id == _users["social-worker"].UserId);
        var views = await InScopeAsync<SightlineDb, int>(db => db.AuditEntries.CountAsync(e => e.EntityType == "person-of-concern" && e.EntityId == id.ToString() && e.Action == AuditAction.View, Ct));
        Assert.Equal(1, views);
    }

    [Fact]
    public async Task The_network_shows_only_what_the_viewer_may_see_and_never_walks_through_a_hidden_node()
    {
        var exploiter = new NodeRef(NodeKind.PersonOfConcern, await ConcernAsync("officer", "Target Hidden"));
        var park = new NodeRef(NodeKind.Place, await PlaceAsync("Hollow Park"));
        await LinkOkAsync(Young("Amy"), park, AssociationType.Frequents, new(2026, 9, 1));
        await LinkOkAsync(Young("Ben"), park, AssociationType.FoundAtWhenMissing, new(2026, 10, 20));
        await LinkOkAsync(Young("Hana"), park, AssociationType.Frequents, new(2026, 9, 2), "officer");
        await SeedLinkAsync(Young("Amy"), exploiter, AssociationType.VictimOf, new(2026, 9, 3));
        await SeedLinkAsync(exploiter, Young("Zed"), AssociationType.SuspectedExploiter, new(2026, 9, 4));
        await LinkOkAsync(Young("Hana"), exploiter, AssociationType.VictimOf, new(2026, 9, 5), "officer");

        var police = (await NetworkAsync("officer", "Hana"))!;
        Assert.Equal(["Hana Test", "Target Hidden", "Hollow Park"], police.Nodes.Select(n => n.Label)); // police see persons of concern, not social care's children
        Assert.Null(await NetworkAsync("officer", "Amy")); // but not Amy: not involved

        var social = (await NetworkAsync("social-worker", "Amy"))!;
        Assert.Equal(["Amy Test", "Hollow Park", "Ben Test"], social.Nodes.Select(n => n.Label));
        Assert.Equal(2, social.Edges.Count);
        var shown = social.Nodes.Select(n => n.Id).ToHashSet();
        Assert.All(social.Edges, e => Assert.True(shown.Contains(e.From.Id) && shown.Contains(e.To.Id)));
        // Zed is visible to the social worker but reachable only through the hidden person of concern: not shown.
        Assert.DoesNotContain(social.Nodes, n => n.Id == _people["Zed"]);
        var shared = Assert.Single(social.LinksWorthALook, l => l.Kind == LinkKind.SharedConnection);
        Assert.Equal("Amy Test and Ben Test are both linked to Hollow Park", shared.Summary); // Hana is not counted
        var grew = Assert.Single(social.LinksWorthALook, l => l.Kind == LinkKind.GroupGrew);
        Assert.Equal(["Ben Test"], grew.People.Select(p => p.Label));
    }

    [Fact]
    public async Task Depth_and_type_filters_limit_the_walk()
    {
        var park = new NodeRef(NodeKind.Place, await PlaceAsync("Filter Park"));
        await LinkOkAsync(Young("Amy"), Young("Ben"), AssociationType.Peer, new(2026, 9, 1));
        await LinkOkAsync(Young("Ben"), park, AssociationType.Frequents, new(2026, 9, 2));
        await LinkOkAsync(Young("Zed"), park, AssociationType.Frequents, new(2026, 9, 3));

        Assert.Equal(2, (await NetworkAsync("social-worker", "Amy", new NetworkFilter(1)))!.Nodes.Count);
        Assert.Equal(3, (await NetworkAsync("social-worker", "Amy", new NetworkFilter(2)))!.Nodes.Count);
        Assert.Equal(4, (await NetworkAsync("social-worker", "Amy", new NetworkFilter(3)))!.Nodes.Count);
        var peersOnly = (await NetworkAsync("social-worker", "Amy", new NetworkFilter(3, new HashSet<AssociationType> { AssociationType.Peer })))!;
        Assert.Equal(2, peersOnly.Nodes.Count);
        var before = (await NetworkAsync("social-worker", "Amy", new NetworkFilter(3, To: new DateOnly(2026, 9, 1))))!;
        Assert.Equal(2, before.Nodes.Count);
    }

    [Fact]
    public async Task Linking_to_a_hidden_end_is_not_found_and_bad_links_are_refused_with_field_errors()
    {
        var hidden = await LinkAsync("social-worker", Young("Amy"), Young("Hana"), AssociationType.Peer, new(2026, 9, 1));
        Assert.True(hidden.NotFound);
        var missing = await LinkAsync("social-worker", Young("Amy"), new NodeRef(NodeKind.Place, Guid.NewGuid()), AssociationType.Frequents, new(2026, 9, 1));
        Assert.True(missing.NotFound);
        var self = await LinkAsync("social-worker", Young("Amy"), Young("Amy"), AssociationType.Peer, new(2026, 9, 1));
        Assert.Contains(self.Errors!.All, e => e.Key == "to");
        var park = new NodeRef(NodeKind.Place, await PlaceAsync("Rule Park"));
        var wrongWay = await LinkAsync("social-worker", park, Young("Amy"), AssociationType.Frequents, new(2026, 9, 1));
        Assert.Contains(wrongWay.Errors!.All, e => e.Key == "to");
        Assert.Equal(0, await InScopeAsync<SightlineDb, int>(db => db.Associations.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_link_between_two_young_people_is_filed_under_both_and_a_network_view_under_each_person_shown()
    {
        var link = await LinkAsync("social-worker", Young("Amy"), Young("Ben"), AssociationType.Sibling, new(2026, 9, 1));
        var id = link.Value!.Id.ToString();
        var filedUnder = await InScopeAsync<SightlineDb, List<Guid?>>(db => db.AuditEntries.Where(e => e.EntityType == "association" && e.EntityId == id).Select(e => e.PersonId).ToListAsync(Ct));
        Assert.Equal(new HashSet<Guid?> { _people["Amy"], _people["Ben"] }, filedUnder.ToHashSet());

        await NetworkAsync("social-worker", "Amy");
        var views = await InScopeAsync<SightlineDb, List<Guid?>>(db => db.AuditEntries.Where(e => e.Action == AuditAction.View && (e.EntityType == "network" || e.EntityType == "network-node")).Select(e => e.PersonId).ToListAsync(Ct));
        Assert.Equal(new HashSet<Guid?> { _people["Amy"], _people["Ben"] }, views.ToHashSet());
    }
}

public sealed class NetworkTests_Sqlite() : NetworkTests(DatabaseProvider.Sqlite);

public sealed class NetworkTests_Postgres() : NetworkTests(DatabaseProvider.Postgres);
