namespace Sightline.Core.Access;

/// <summary>The five roles of the partnership. Each user holds exactly one.</summary>
public enum Role
{
    Practitioner,
    TeamManager,
    SeniorManager,
    Analyst,
    Administrator,
}

public static class Roles
{
    public const string Administrator = "administrator";
    public const string Practitioner = "practitioner";
    public const string TeamManager = "team-manager";
    public const string SeniorManager = "senior-manager";
    public const string Analyst = "analyst";

    public static readonly IReadOnlyList<Role> All = Enum.GetValues<Role>();

    public static string Key(this Role role) => role switch
    {
        Role.Administrator => Administrator,
        Role.Practitioner => Practitioner,
        Role.TeamManager => TeamManager,
        Role.SeniorManager => SeniorManager,
        Role.Analyst => Analyst,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string DisplayName(this Role role) => role switch
    {
        Role.Administrator => "Administrator",
        Role.Practitioner => "Practitioner",
        Role.TeamManager => "Team manager",
        Role.SeniorManager => "Senior manager",
        Role.Analyst => "Analyst",
        _ => role.ToString(),
    };

    public static bool TryParse(string? key, out Role role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Key(), key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>Roles that work with named children's records (subject to need-to-know).</summary>
    public static bool ReadsRecords(this Role role) =>
        role is Role.Practitioner or Role.TeamManager or Role.SeniorManager;

    public static bool IsManager(this Role role) => role is Role.TeamManager or Role.SeniorManager;
}
