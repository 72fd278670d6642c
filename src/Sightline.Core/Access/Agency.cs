namespace Sightline.Core.Access;

/// <summary>The kind of organisation, used for defaults (e.g. police see persons of concern).</summary>
public enum AgencyKind
{
    ChildrensSocialCare,
    EarlyHelp,
    YouthOffending,
    Police,
    Health,
    Education,
    Probation,
    Housing,
    Voluntary,
    Other,
}

/// <summary>A partner organisation. Need-to-know is granted per agency.</summary>
public class Agency
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; } = AgencyKind.Other;
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<Team> Teams { get; set; } = [];
}

public class Team
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; } = Guid.NewGuid();
}

public static class AgencyKinds
{
    public static readonly IReadOnlyList<AgencyKind> All = Enum.GetValues<AgencyKind>();

    /// <summary>Reads a kind by its name (any case), as forms post it. Numbers are refused: only named kinds exist.</summary>
    public static bool TryParse(string? text, out AgencyKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static string DisplayName(this AgencyKind kind) => kind switch
    {
        AgencyKind.ChildrensSocialCare => "Children's social care",
        AgencyKind.EarlyHelp => "Early help",
        AgencyKind.YouthOffending => "Youth offending",
        AgencyKind.Police => "Police",
        AgencyKind.Health => "Health",
        AgencyKind.Education => "Education",
        AgencyKind.Probation => "Probation",
        AgencyKind.Housing => "Housing",
        AgencyKind.Voluntary => "Voluntary organisation",
        _ => "Other",
    };
}
