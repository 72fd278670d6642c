namespace Sightline.Core.Access;

/// <summary>The signed-in user as the rules see them: enough to decide need-to-know without a query.</summary>
public sealed record CurrentUser(Guid UserId, string Email, string DisplayName, Guid AgencyId, Role Role)
{
    public bool ReadsRecords => Role.ReadsRecords();
    public bool IsManager => Role.IsManager();
}
