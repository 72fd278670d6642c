using Sightline.Core.People;

namespace Sightline.Core.VulnerableAdolescents;

/// <summary>
/// A practitioner's decision to put a young person on the Vulnerable Adolescents Index, with the
/// reason, and its end. (Young people are also on the index by rule: see <see cref="IndexRules"/>.)
/// </summary>
public class IndexEntry : IBelongsToPerson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public DateOnly StartDate { get; set; }
    public required string Reason { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? EndReason { get; set; }
    public Guid AddedByUserId { get; set; }
    public DateTime AddedAt { get; set; }
    public Guid? EndedByUserId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsActiveOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);
}

/// <summary>Which rules put a young person on the index (configuration under <c>Index</c>), and its ages.</summary>
public sealed class IndexSettings
{
    public int MinimumAge { get; set; } = 11;
    public int MaximumAge { get; set; } = 18;
    /// <summary>On a panel: an open or accepted referral to the exploitation panel.</summary>
    public bool OnAPanel { get; set; } = true;
    /// <summary>A SEAM assessment in force at Medium or above.</summary>
    public bool SeamMediumOrAbove { get; set; } = true;
    /// <summary>Current flags that put a young person on the index.</summary>
    public string[] Flags { get; set; } = ["cse", "cce", "gangs"];
}
