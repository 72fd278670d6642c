namespace Sightline.Core.People;

/// <summary>A kind of flag (DOMAIN.md §1). Administrators can add types; keys are stable for the API.</summary>
public class FlagType
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>True where the flag carries a risk level (the YOT flag's Low/Medium/High).</summary>
    public bool HasLevel { get; set; }
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
}

public class PersonFlag
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid FlagTypeId { get; set; }
    public FlagType? FlagType { get; set; }
    public FlagLevel? Level { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Notes { get; set; }
    public Guid SetByUserId { get; set; }
    public DateTime SetAt { get; set; }
    public Guid? EndedByUserId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsCurrentOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);
}

public enum FlagLevel { Low, Medium, High }

public static class FlagTypes
{
    /// <summary>The flags the seeds use, shipped with every install.</summary>
    public static readonly IReadOnlyList<FlagType> Standard =
    [
        new() { Key = "yot", Name = "Open to youth offending team", HasLevel = true, SortOrder = 1, Description = "Open to the YOT, with its risk level (Low, Medium or High)." },
        new() { Key = "gangs", Name = "Gangs", SortOrder = 2, Description = "Gang-affected or gang-involved." },
        new() { Key = "cse", Name = "Child sexual exploitation (CSE)", SortOrder = 3 },
        new() { Key = "cce", Name = "Child criminal exploitation / county lines (CCE)", SortOrder = 4 },
        new() { Key = "neet", Name = "Not in education, employment or training (NEET)", SortOrder = 5 },
        new() { Key = "looked-after", Name = "Looked after", SortOrder = 6 },
        new() { Key = "care-leaver", Name = "Care leaver", SortOrder = 7, Description = "Receiving leaving-care services (18+)." },
        new() { Key = "child-in-need", Name = "Child in need", SortOrder = 8 },
        new() { Key = "child-protection", Name = "Child protection plan", SortOrder = 9 },
    ];
}
