using Sightline.Core.Access;

namespace Sightline.Core.Panels;

public enum PanelSchedule { Weekly, Fortnightly, Monthly, AdHoc }

/// <summary>A kind of multi-agency panel the seeds use. One engine serves them all: only the words and defaults differ.</summary>
public sealed record PanelType(string Key, string Name, PanelSchedule DefaultSchedule, bool AboutOneYoungPerson, bool Strategic);

public static class PanelTypes
{
    public const string Mace = PanelReferral.Mace;
    public const string MaceStrategic = "mace-strategic";
    public const string StrategyMeeting = "strategy-meeting";

    public static readonly IReadOnlyList<PanelType> All =
    [
        new(Mace, "Multi-agency child exploitation panel (MACE)", PanelSchedule.Monthly, false, false),
        new(MaceStrategic, "Strategic MACE", PanelSchedule.Monthly, false, true),
        new(StrategyMeeting, "Strategy meeting", PanelSchedule.AdHoc, true, false),
        new("sirm", "Serious incident response meeting (SIRM)", PanelSchedule.AdHoc, false, false),
        new("da-marac", "Domestic abuse MARAC", PanelSchedule.Weekly, false, false),
        new("asb-marac", "Community safety (ASB) MARAC", PanelSchedule.Monthly, false, false),
        new("yot-risk-panel", "YOT risk management panel", PanelSchedule.Monthly, false, false),
    ];

    public static PanelType? Find(string? key) => All.FirstOrDefault(t => t.Key == key);
    public static string NameOf(string key) => Find(key)?.Name ?? key;
}

/// <summary>
/// A standing multi-agency panel: its chair and named members (who gain need-to-know of the young
/// people on its issued agendas) and the agencies expected to attend.
/// </summary>
public class Panel
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Type { get; set; }
    public required string Name { get; set; }
    public PanelSchedule Schedule { get; set; } = PanelSchedule.Monthly;
    public Guid ChairUserId { get; set; }
    public SightlineUser? ChairUser { get; set; }
    public List<PanelMember> Members { get; set; } = [];
    public List<PanelAgency> Agencies { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public string TypeName => PanelTypes.NameOf(Type);
    public bool IsMember(Guid userId) => ChairUserId == userId || Members.Any(m => m.UserId == userId);
}

public class PanelMember
{
    public Guid PanelId { get; set; }
    public Guid UserId { get; set; }
    public SightlineUser? User { get; set; }
}

public class PanelAgency
{
    public Guid PanelId { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
}
