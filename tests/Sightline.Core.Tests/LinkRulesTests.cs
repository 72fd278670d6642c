using Sightline.Core.Network;

namespace Sightline.Core.Tests;

/// <summary>The "links worth a look" rules, on small hand-made networks.</summary>
public sealed class LinkRulesTests
{
    private static readonly DateOnly LastMeeting = new(2026, 10, 15);

    private static NetworkNode Young(string name) => new(NodeKind.Person, Guid.NewGuid(), name, null, 1);
    private static NetworkNode Concern(string name) => new(NodeKind.PersonOfConcern, Guid.NewGuid(), name, null, 1);
    private static NetworkNode Place(string name) => new(NodeKind.Place, Guid.NewGuid(), name, null, 1);

    private static NetworkEdge Link(NetworkNode from, NetworkNode to, AssociationType type, DateOnly date) =>
        new(Guid.NewGuid(), from.Ref, to.Ref, type, date, Confidence.Medium, null);

    [Fact]
    public void Two_young_people_linked_to_the_same_person_of_concern_are_a_shared_connection()
    {
        var (amy, ben, exploiter) = (Young("Amy A"), Young("Ben B"), Concern("Target One"));
        var links = LinkRules.Find([amy, ben, exploiter],
            [Link(amy, exploiter, AssociationType.VictimOf, new(2026, 1, 1)), Link(ben, exploiter, AssociationType.VictimOf, new(2026, 2, 1))], LastMeeting);
        var shared = Assert.Single(links, l => l.Kind == LinkKind.SharedConnection);
        Assert.Equal(exploiter, shared.Hub);
        Assert.Equal(["Amy A", "Ben B"], shared.People.Select(p => p.Label));
        Assert.Equal("Amy A and Ben B are both linked to Target One", shared.Summary);
    }

    [Fact]
    public void Young_people_found_at_the_same_place_are_a_shared_connection_whichever_way_the_link_runs()
    {
        var (amy, ben, cara, park) = (Young("Amy A"), Young("Ben B"), Young("Cara C"), Place("Hollow Park"));
        var links = LinkRules.Find([amy, ben, cara, park],
        [
            Link(amy, park, AssociationType.FoundAtWhenMissing, new(2026, 1, 1)),
            Link(ben, park, AssociationType.Frequents, new(2026, 1, 2)),
            Link(cara, ben, AssociationType.Peer, new(2026, 1, 3)),
        ], LastMeeting);
        var shared = Assert.Single(links, l => l.Kind == LinkKind.SharedConnection);
        Assert.Equal(park, shared.Hub);
        Assert.Equal(["Amy A", "Ben B"], shared.People.Select(p => p.Label)); // Cara is a peer of Ben, not linked to the park
    }

    [Fact]
    public void One_young_person_alone_at_a_place_is_not_worth_a_look()
    {
        var (amy, park) = (Young("Amy A"), Place("Hollow Park"));
        var links = LinkRules.Find([amy, park], [Link(amy, park, AssociationType.Frequents, new(2026, 1, 1))], LastMeeting);
        Assert.DoesNotContain(links, l => l.Kind == LinkKind.SharedConnection);
    }

    [Fact]
    public void A_group_around_a_person_of_concern_grew_when_someone_joined_after_the_last_meeting()
    {
        var (amy, ben, cara, exploiter) = (Young("Amy A"), Young("Ben B"), Young("Cara C"), Concern("Target One"));
        var links = LinkRules.Find([amy, ben, cara, exploiter],
        [
            Link(amy, exploiter, AssociationType.VictimOf, new(2026, 9, 1)),
            Link(ben, exploiter, AssociationType.VictimOf, LastMeeting), // on the day counts as before
            Link(cara, ben, AssociationType.Peer, new(2026, 11, 1)),
        ], LastMeeting);
        var grew = Assert.Single(links, l => l.Kind == LinkKind.GroupGrew);
        Assert.Equal(exploiter, grew.Hub);
        Assert.Equal(["Cara C"], grew.People.Select(p => p.Label));
        Assert.Equal("The group around Target One grew by 1 since 15 October 2026 to 4: Cara C joined", grew.Summary);
    }

    [Fact]
    public void A_group_with_no_link_before_the_date_is_new()
    {
        var (amy, ben, shop) = (Young("Amy A"), Young("Ben B"), Place("Corner Shop"));
        var links = LinkRules.Find([amy, ben, shop],
            [Link(amy, shop, AssociationType.Frequents, new(2026, 11, 1)), Link(ben, shop, AssociationType.Frequents, new(2026, 11, 2))], LastMeeting);
        var grew = Assert.Single(links, l => l.Kind == LinkKind.GroupGrew);
        Assert.StartsWith("A new group of 3 around Corner Shop", grew.Summary);
    }

    [Fact]
    public void A_group_with_nobody_new_did_not_grow_and_young_people_alone_make_no_group()
    {
        var (amy, ben, cara, dan, exploiter) = (Young("Amy A"), Young("Ben B"), Young("Cara C"), Young("Dan D"), Concern("Target One"));
        var links = LinkRules.Find([amy, ben, cara, dan, exploiter],
        [
            Link(amy, exploiter, AssociationType.VictimOf, new(2026, 1, 1)),
            Link(ben, exploiter, AssociationType.VictimOf, new(2026, 11, 1)), // a new link between people already known
            Link(ben, amy, AssociationType.Peer, new(2026, 2, 1)),
            Link(cara, dan, AssociationType.Sibling, new(2026, 11, 1)),       // new, but no person of concern or place
        ], LastMeeting);
        Assert.DoesNotContain(links, l => l.Kind == LinkKind.GroupGrew);
    }

    [Fact]
    public void Links_to_nodes_not_in_the_visible_network_are_ignored_so_nothing_hidden_is_hinted_at()
    {
        var (amy, exploiter) = (Young("Amy A"), Concern("Target One"));
        var hidden = Young("Hidden H");
        var links = LinkRules.Find([amy, exploiter],
            [Link(amy, exploiter, AssociationType.VictimOf, new(2026, 1, 1)), Link(hidden, exploiter, AssociationType.VictimOf, new(2026, 1, 2))], LastMeeting);
        Assert.Empty(links);
    }
}
