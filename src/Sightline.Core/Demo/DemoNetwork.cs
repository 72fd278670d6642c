using Sightline.Core.Network;

namespace Sightline.Core.Demo;

/// <summary>What the demo adds for the network: persons of concern, places, disruption and associations.</summary>
public sealed class DemoNetworkData
{
    public List<PersonOfConcern> PersonsOfConcern { get; } = [];
    public List<Place> Places { get; } = [];
    public List<DisruptionActivity> Disruption { get; } = [];
    public List<Association> Associations { get; } = [];
}

/// <summary>
/// A synthetic network among the demo's young people, rich enough to show the links worth a look:
/// a suspected exploiter with five victims (two of them linked since last month, so his group grew),
/// a peer who draws young people to a takeaway, a park and a hotel where several were found when
/// missing, and a shisha bar and taxi firm under disruption. Two persons of concern are shared by
/// name with the demo practitioner; the rest are for the police only, so the demo shows both.
/// Deterministic for a seed and a date; every name is invented.
/// </summary>
public static class DemoNetwork
{
    public const int YoungPeopleNeeded = 16;

    /// <param name="youngPeople">Young people to link, in a stable order (at least <see cref="YoungPeopleNeeded"/>).</param>
    /// <param name="tactics">Disruption tactic ids by key.</param>
    public static DemoNetworkData Build(int seed, DateTime now, IReadOnlyList<Guid> youngPeople, DemoStaff.Member police, DemoStaff.Member practitioner,
        IReadOnlyDictionary<string, Guid> tactics, Guid councilAgencyId)
    {
        var data = new DemoNetworkData();
        if (youngPeople.Count < YoungPeopleNeeded) return data;
        var random = new Random(unchecked(seed * 7727 + 17));
        var today = London.DateOf(now);
        DateOnly DaysAgo(int min, int max) => today.AddDays(-random.Next(min, max + 1));

        PersonOfConcern Concern(string name, string? aliases, ConcernCategory category, int? age, string notes, bool sharedWithPractitioner, params (string Registration, string Description)[] vehicles)
        {
            var person = new PersonOfConcern
            {
                Name = name, Aliases = aliases, Category = category, ApproximateAge = age, Notes = notes,
                CreatedAt = now.AddDays(-random.Next(60, 200)), CreatedByUserId = police.UserId, UpdatedAt = now,
            };
            person.Vehicles.AddRange(vehicles.Select(v => new PersonOfConcernVehicle { PersonOfConcernId = person.Id, Registration = v.Registration, Description = v.Description }));
            person.NamedUsers.Add(new PersonOfConcernAccess { PersonOfConcernId = person.Id, UserId = police.UserId });
            if (sharedWithPractitioner) person.NamedUsers.Add(new PersonOfConcernAccess { PersonOfConcernId = person.Id, UserId = practitioner.UserId });
            data.PersonsOfConcern.Add(person);
            return person;
        }

        Place PlaceOf(string name, PlaceType type, string? postcode, string? address = null)
        {
            var place = new Place { Name = name, Type = type, Postcode = postcode, Address = address, CreatedAt = now.AddDays(-random.Next(60, 200)), CreatedByUserId = practitioner.UserId, UpdatedAt = now };
            data.Places.Add(place);
            return place;
        }

        var dean = Concern("Dean Harlow", "Deano\nD-Man", ConcernCategory.Adult, 27, "Seen collecting girls from the high road in the evenings; gives lifts and phones.", true,
            ("DH19 XKR", "Black Audi A3"), ("LV68 PTE", "Grey Ford Transit"));
        var kai = Concern("Kai Mercer", "K-Merc", ConcernCategory.Peer, 17, "Recruits younger boys to carry for an older group; offers food and trainers.", true);
        var ronan = Concern("Ronan Vesey", null, ConcernCategory.Adult, 34, "Manages the shisha lounge; police intelligence links him to a county line.", false, ("RV70 MMB", "White BMW X5"));
        var lewis = Concern("Lewis Tarrant", "Tazz", ConcernCategory.Adult, 23, "Drives for Dean Harlow.", false);

        var hotel = PlaceOf("Station Approach Hotel", PlaceType.Hotel, "N12 0QS", "Station Approach");
        var takeaway = PlaceOf("Chicken Express", PlaceType.Takeaway, "NW9 5XA", "High Road");
        var park = PlaceOf("Brookside Park", PlaceType.Park, "N20 0AB");
        var shisha = PlaceOf("Cloud Nine Lounge", PlaceType.ShishaBar, "NW4 3RT", "Market Parade");
        var taxis = PlaceOf("A1 Cars", PlaceType.TaxiFirm, "N11 1NP");
        var chat = PlaceOf("'Link up' group chat", PlaceType.OnlineSpace, null, "A group on a messaging app");

        void Link(NodeKind fromKind, Guid from, NodeKind toKind, Guid to, AssociationType type, DateOnly date, Confidence confidence, string source, Guid recordedBy) =>
            data.Associations.Add(new Association
            {
                FromKind = fromKind, FromId = from, ToKind = toKind, ToId = to, Type = type, Date = date, Confidence = confidence, Source = source,
                RecordedAt = date.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc), RecordedByUserId = recordedBy,
            });
        void Young(int index, NodeKind kind, Guid to, AssociationType type, DateOnly date, Confidence confidence = Confidence.Medium, string source = "Return home interview") =>
            Link(NodeKind.Person, youngPeople[index], kind, to, type, date, confidence, source, kind == NodeKind.PersonOfConcern ? police.UserId : practitioner.UserId);

        // Dean Harlow: five victims; the last two linked in the last three weeks, so his group grew since last month's meeting.
        for (var i = 0; i < 5; i++)
            Young(i, NodeKind.PersonOfConcern, dean.Id, AssociationType.VictimOf, i < 3 ? DaysAgo(60, 170) : DaysAgo(3, 20), i < 2 ? Confidence.High : Confidence.Medium, "Police intelligence");
        Link(NodeKind.Person, youngPeople[0], NodeKind.Person, youngPeople[1], AssociationType.Sibling, DaysAgo(150, 200), Confidence.High, "Social care assessment", practitioner.UserId);
        Link(NodeKind.Person, youngPeople[2], NodeKind.Person, youngPeople[1], AssociationType.Peer, DaysAgo(80, 120), Confidence.Medium, "School", practitioner.UserId);
        Young(0, NodeKind.Place, hotel.Id, AssociationType.FoundAtWhenMissing, DaysAgo(40, 90), Confidence.High, "Police");
        Young(2, NodeKind.Place, hotel.Id, AssociationType.FoundAtWhenMissing, DaysAgo(20, 60), Confidence.High, "Police");
        Young(4, NodeKind.Place, taxis.Id, AssociationType.Frequents, DaysAgo(5, 15));
        Link(NodeKind.PersonOfConcern, lewis.Id, NodeKind.PersonOfConcern, dean.Id, AssociationType.Associate, DaysAgo(100, 150), Confidence.Medium, "Police intelligence", police.UserId);
        Link(NodeKind.PersonOfConcern, lewis.Id, NodeKind.Place, taxis.Id, AssociationType.Frequents, DaysAgo(100, 150), Confidence.Low, "Police intelligence", police.UserId);

        // Kai Mercer, a peer: boys drawn in at the takeaway.
        for (var i = 5; i < 9; i++)
        {
            Young(i, NodeKind.PersonOfConcern, kai.Id, i == 5 ? AssociationType.VictimOf : AssociationType.Associate, i < 8 ? DaysAgo(45, 150) : DaysAgo(2, 10), Confidence.Medium, "Youth offending team");
            Young(i, NodeKind.Place, takeaway.Id, AssociationType.Frequents, DaysAgo(30, 120), Confidence.Medium, "Detached youth work");
        }
        Link(NodeKind.PersonOfConcern, kai.Id, NodeKind.Place, takeaway.Id, AssociationType.Frequents, DaysAgo(60, 120), Confidence.High, "Police", police.UserId);

        // Brookside Park: three found or seen there, one linked since last month.
        Young(9, NodeKind.Place, park.Id, AssociationType.Frequents, DaysAgo(60, 150));
        Young(10, NodeKind.Place, park.Id, AssociationType.FoundAtWhenMissing, DaysAgo(40, 100), Confidence.High, "Police");
        Young(11, NodeKind.Place, park.Id, AssociationType.FoundAtWhenMissing, DaysAgo(4, 18), Confidence.High, "Police");
        Link(NodeKind.Person, youngPeople[9], NodeKind.Person, youngPeople[10], AssociationType.Peer, DaysAgo(60, 150), Confidence.Medium, "School", practitioner.UserId);

        // Ronan Vesey and the shisha lounge (police only).
        Link(NodeKind.PersonOfConcern, ronan.Id, NodeKind.Place, shisha.Id, AssociationType.Frequents, DaysAgo(100, 200), Confidence.High, "Police intelligence", police.UserId);
        Young(12, NodeKind.Place, shisha.Id, AssociationType.Frequents, DaysAgo(30, 90));
        Young(13, NodeKind.Place, shisha.Id, AssociationType.Frequents, DaysAgo(30, 90));
        Young(12, NodeKind.PersonOfConcern, ronan.Id, AssociationType.VictimOf, DaysAgo(20, 60), Confidence.Low, "Police intelligence");

        // The group chat.
        Young(14, NodeKind.Place, chat.Id, AssociationType.Associate, DaysAgo(20, 80), Confidence.Medium, "School");
        Young(15, NodeKind.Place, chat.Id, AssociationType.Associate, DaysAgo(20, 80), Confidence.Medium, "School");
        Young(3, NodeKind.Place, chat.Id, AssociationType.Associate, DaysAgo(5, 15), Confidence.Low, "School");

        void Disrupt(NodeKind kind, Guid target, string tactic, Guid lead, int startedDaysAgo, int? endedDaysAgo, DisruptionStatus status, string? outcome)
        {
            if (!tactics.TryGetValue(tactic, out var tacticId)) return;
            data.Disruption.Add(new DisruptionActivity
            {
                TargetKind = kind, TargetId = target, TacticId = tacticId, LeadAgencyId = lead, StartDate = today.AddDays(-startedDaysAgo),
                EndDate = endedDaysAgo is { } ended ? today.AddDays(-ended) : null, Status = status, Outcome = outcome,
                RecordedAt = now.AddDays(-startedDaysAgo), RecordedByUserId = police.UserId,
            });
        }
        Disrupt(NodeKind.PersonOfConcern, dean.Id, "child-abduction-warning-notice", police.AgencyId, 90, 88, DisruptionStatus.Completed, "Notices served in respect of two young people.");
        Disrupt(NodeKind.PersonOfConcern, dean.Id, "sexual-risk-order", police.AgencyId, 30, null, DisruptionStatus.Active, "Application made to the magistrates' court.");
        Disrupt(NodeKind.Place, shisha.Id, "closure-notice", police.AgencyId, 21, null, DisruptionStatus.Active, "Closure notice served; court hearing listed.");
        Disrupt(NodeKind.Place, hotel.Id, "hotel-notice", police.AgencyId, 45, 40, DisruptionStatus.Completed, "Hotel now shares guest information on request.");
        Disrupt(NodeKind.Place, taxis.Id, "taxi-licensing", councilAgencyId, 10, null, DisruptionStatus.Planned, null);
        return data;
    }
}
