using Microsoft.AspNetCore.Identity;

namespace Sightline.Core.Access;

/// <summary>A member of staff of a partner agency.</summary>
public class SightlineUser : IdentityUser<Guid>
{
    public SightlineUser() => Id = Guid.NewGuid();

    public required string DisplayName { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public Guid? TeamId { get; set; }
    public Team? Team { get; set; }
    public Role Role { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Set for one-time passwords: the user must choose their own at next sign-in.</summary>
    public bool MustChangePassword { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

/// <summary>A bearer token for the API. Only a SHA-256 hash of the secret is stored.</summary>
public class ApiToken
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public SightlineUser? User { get; set; }
    public required string TokenHash { get; set; }
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>A data-protection key ring entry, kept in the database so that several app instances share it.</summary>
public class DataProtectionKey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string? FriendlyName { get; set; }
    public string? Xml { get; set; }
}
