using Sightline.Core.Access;

namespace Sightline.Core.People;

/// <summary>A young person (usually 10–25) known to the partnership.</summary>
public class Person
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The short reference practitioners quote on the phone, e.g. <c>SL-7K3F9Q2M</c>.</summary>
    public string Reference { get; set; } = PersonReference.New();
    public required string FirstName { get; set; }
    public required string LastName { get; set; }

    /// <summary>Upper-cased "first last" for portable case-insensitive search on SQLite and PostgreSQL.</summary>
    public string SearchName { get; set; } = "";
    public string? PreferredName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public Sex Sex { get; set; }
    public string? Ethnicity { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public LegalStatus LegalStatus { get; set; }

    /// <summary>When set, only the users in <see cref="AccessList"/> (and break-glass) may open the record.</summary>
    public bool IsRestricted { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token: changes on every save.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<AgencyInvolvement> Agencies { get; set; } = [];
    public List<PersonFlag> Flags { get; set; } = [];
    public List<PersonAccessGrant> AccessList { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";

    public void RefreshSearchName() => SearchName = NameSearch.Normalise($"{FirstName} {LastName} {PreferredName}");

    public int AgeOn(DateOnly date) => Age.On(DateOfBirth, date);
}

public enum Sex { NotKnown, Female, Male, Other }

public enum LegalStatus
{
    None,
    ChildInNeed,
    ChildProtectionPlan,
    LookedAfterSection20,
    LookedAfterCareOrder,
    RemandedToLocalAuthority,
    CareLeaver,
    Other,
}

public static class Age
{
    /// <summary>Whole years completed on <paramref name="date"/> (a 29 February birthday is reached on 1 March in other years).</summary>
    public static int On(DateOnly dateOfBirth, DateOnly date)
    {
        var years = date.Year - dateOfBirth.Year;
        // Compare month and day rather than AddYears, which would move 29 February to the 28th.
        if (date.Month < dateOfBirth.Month || (date.Month == dateOfBirth.Month && date.Day < dateOfBirth.Day)) years--;
        return years;
    }
}

/// <summary>An agency working with a young person, with the named contact other agencies should call.</summary>
public class AgencyInvolvement
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public Guid AddedByUserId { get; set; }
    public Guid? EndedByUserId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsActiveOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);
}

/// <summary>A named user allowed to open a restricted record.</summary>
public class PersonAccessGrant
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public Guid UserId { get; set; }
    public SightlineUser? User { get; set; }
    public Guid GrantedByUserId { get; set; }
    public DateTime GrantedAt { get; set; }
}

/// <summary>A case note: free text recorded by a practitioner, shown in the chronology.</summary>
public class CaseNote
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public Guid AuthorUserId { get; set; }
    public SightlineUser? Author { get; set; }
    public Guid AgencyId { get; set; }
    public required string Text { get; set; }
    public DateTime RecordedAt { get; set; }
}
