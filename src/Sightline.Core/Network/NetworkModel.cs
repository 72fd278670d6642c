namespace Sightline.Core.Network;

/// <summary>Whether a person of concern is an adult or a peer of the young people they are linked with.</summary>
public enum ConcernCategory { Adult, Peer, NotKnown }

/// <summary>
/// A suspected exploiter (DOMAIN.md §4): identity details, aliases, vehicles and notes. Sensitive
/// police intelligence: who may see one is decided by <see cref="PersonOfConcernVisibility"/>, and
/// every view is audited.
/// </summary>
public class PersonOfConcern
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    /// <summary>Other names the person is known by, one a line.</summary>
    public string? Aliases { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    /// <summary>When the date of birth is not known: an estimate of age in years on the day it was recorded.</summary>
    public int? ApproximateAge { get; set; }
    public ConcernCategory Category { get; set; } = ConcernCategory.NotKnown;
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<PersonOfConcernVehicle> Vehicles { get; set; } = [];
    /// <summary>Users outside the police named to see this person (the creator is always named).</summary>
    public List<PersonOfConcernAccess> NamedUsers { get; set; } = [];

    public IReadOnlyList<string> AliasList =>
        (Aliases ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public class PersonOfConcernVehicle
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonOfConcernId { get; set; }
    public required string Registration { get; set; }
    public string? Description { get; set; }
}

public class PersonOfConcernAccess
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonOfConcernId { get; set; }
    public Guid UserId { get; set; }
}

public enum PlaceType { Park, Estate, Shop, Takeaway, ShishaBar, Hotel, TaxiFirm, School, OnlineSpace, Other }

/// <summary>A place of concern (contextual safeguarding): where young people are exploited, gather or are found.</summary>
public class Place
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public PlaceType Type { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A disruption tactic (002 §4.6.1). The seed's list ships with every install; administrators add more.</summary>
public class DisruptionTactic
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Key { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
}

public enum DisruptionStatus { Planned, Active, Completed, Withdrawn }

/// <summary>Disruption against a person of concern or a place: what, who leads, when, and how it went.</summary>
public class DisruptionActivity
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public NodeKind TargetKind { get; set; }
    public Guid TargetId { get; set; }
    public Guid TacticId { get; set; }
    public DisruptionTactic? Tactic { get; set; }
    public Guid LeadAgencyId { get; set; }
    public Access.Agency? LeadAgency { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DisruptionStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>What a node of the network is: a young person (a <see cref="People.Person"/>), a person of concern or a place.</summary>
public enum NodeKind { Person, PersonOfConcern, Place }

public enum AssociationType { Sibling, Peer, Associate, SuspectedExploiter, VictimOf, Frequents, FoundAtWhenMissing }

public enum Confidence { Low, Medium, High }

/// <summary>
/// One link of the network, from one node to another. Ends are typed ids rather than foreign keys
/// because a link may join any two kinds; both ends are indexed so a hop is one indexed query.
/// </summary>
public class Association
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public NodeKind FromKind { get; set; }
    public Guid FromId { get; set; }
    public NodeKind ToKind { get; set; }
    public Guid ToId { get; set; }
    public AssociationType Type { get; set; }
    public string? Source { get; set; }
    /// <summary>When the link was seen or became known: the network's date filters and "grew since" read it.</summary>
    public DateOnly Date { get; set; }
    public Confidence Confidence { get; set; }
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }

    /// <summary>The first young person at either end: the audit trail files the link under them.</summary>
    public Guid? FirstPersonId =>
        FromKind == NodeKind.Person ? FromId : ToKind == NodeKind.Person ? ToId : null;
}
