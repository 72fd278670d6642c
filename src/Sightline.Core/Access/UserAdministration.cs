using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Core.Access;

/// <summary>Agencies, teams, users and API tokens: what an administrator (or an operator at the command line) sets up.</summary>
public sealed class UserAdministration(SightlineDb db, UserManager<SightlineUser> users, TimeProvider clock)
{
    public async Task<Outcome<Agency>> CreateAgencyAsync(string? name, AgencyKind? kind, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var trimmed = name?.Trim();
        await ValidateAgencyNameAsync(errors, trimmed, null, cancellationToken);
        if (kind is null) errors.Add("kind", "Select the kind of agency");
        if (errors.Any) return Outcome<Agency>.Invalid(errors);
        var agency = new Agency { Name = trimmed!, Kind = kind!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Agency>.Ok(agency);
    }

    public async Task<Outcome<Team>> CreateTeamAsync(Guid agencyId, string? name, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var trimmed = name?.Trim();
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken);
        if (agency is null) errors.Add("agencyId", "Select an agency");
        else if (!agency.IsActive) errors.Add("agencyId", $"{agency.Name} is inactive: reactivate it before adding teams");
        await ValidateTeamNameAsync(errors, agencyId, trimmed, null, cancellationToken);
        if (errors.Any) return Outcome<Team>.Invalid(errors);
        var team = new Team { AgencyId = agencyId, Name = trimmed! };
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Team>.Ok(team);
    }

    public sealed record NewUser(SightlineUser User, string OneTimePassword);

    /// <summary>Creates a user with a one-time password they must change at first sign-in.</summary>
    public async Task<Outcome<NewUser>> CreateUserAsync(string? email, string? displayName, string? agencyName, Guid? agencyId, Role? role, Guid? teamId = null, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || !email.Contains('@') || email.Length > 254) errors.Add("email", "Enter an email address in the correct format, like name@example.gov.uk");
        else if (await users.FindByEmailAsync(email) is not null) errors.Add("email", "A user with this email address already exists");
        if (string.IsNullOrWhiteSpace(displayName)) errors.Add("name", "Enter the user's full name");
        else if (displayName.Trim().Length > 200) errors.Add("name", "The name must be 200 characters or fewer");
        var agency = agencyId is { } id
            ? await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            : await db.Agencies.FirstOrDefaultAsync(a => a.Name == (agencyName ?? "").Trim(), cancellationToken);
        if (agency is null) errors.Add("agency", string.IsNullOrWhiteSpace(agencyName) && agencyId is null ? "Select the user's agency" : $"There is no agency called {agencyName}");
        else if (!agency.IsActive) errors.Add("agency", $"{agency.Name} is inactive: select an active agency");
        if (role is null) errors.Add("role", "Select a role: administrator, practitioner, team-manager, senior-manager or analyst");
        if (teamId is { } t && agency is not null)
        {
            var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(x => x.Id == t && x.AgencyId == agency.Id, cancellationToken);
            if (team is null) errors.Add("teamId", "Select a team of the user's agency, or no team");
            else if (!team.IsActive) errors.Add("teamId", $"{team.Name} is inactive: select an active team, or no team");
        }
        if (errors.Any) return Outcome<NewUser>.Invalid(errors);

        var user = new SightlineUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName!.Trim(), AgencyId = agency!.Id, TeamId = teamId,
            Role = role!.Value, MustChangePassword = true, CreatedAt = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true,
        };
        var password = OneTimePassword();
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) errors.Add("email", error.Description);
            return Outcome<NewUser>.Invalid(errors);
        }
        return Outcome<NewUser>.Ok(new NewUser(user, password));
    }

    // ---- Agencies and teams ------------------------------------------------------------------

    public async Task<IReadOnlyList<AgencySummary>> ListAgenciesAsync(CancellationToken cancellationToken = default) =>
        await db.Agencies.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new AgencySummary(a.Id, a.Name, a.Kind, a.IsActive, a.Teams.Count, db.Users.Count(u => u.AgencyId == a.Id)))
            .ToListAsync(cancellationToken);

    /// <summary>An agency with its teams (by name), untracked; null when there is none.</summary>
    public Task<Agency?> GetAgencyAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Agencies.AsNoTracking().Include(a => a.Teams.OrderBy(t => t.Name)).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>
    /// Renames an agency, changes its kind or (de)activates it. <paramref name="expectedVersion"/> is
    /// the version the administrator was shown: if someone saved since, nothing is changed and the
    /// outcome is <see cref="Outcome{T}.Conflict"/>. An inactive agency cannot be chosen for new users,
    /// teams or records; its users keep their accounts until they are deactivated themselves.
    /// </summary>
    public async Task<Outcome<Agency>> UpdateAgencyAsync(Guid id, AgencyChange change, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agency is null) return Outcome<Agency>.Missing();
        var errors = new ValidationErrors();
        var name = change.Name?.Trim();
        await ValidateAgencyNameAsync(errors, name, id, cancellationToken);
        if (change.Kind is null) errors.Add("kind", "Select the kind of agency");
        if (change.IsActive is null) errors.Add("active", "Select whether the agency is active");
        if (errors.Any) return Outcome<Agency>.Invalid(errors);
        if (agency.Version != expectedVersion) return Outcome<Agency>.Stale();
        agency.Name = name!;
        agency.Kind = change.Kind!.Value;
        agency.IsActive = change.IsActive!.Value;
        agency.Version = Guid.NewGuid();
        return await SaveVersionedAsync(agency, cancellationToken);
    }

    public Task<Team?> GetTeamAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Teams.AsNoTracking().Include(t => t.Agency).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>Renames or (de)activates a team, refusing a stale <paramref name="expectedVersion"/> as for agencies.</summary>
    public async Task<Outcome<Team>> UpdateTeamAsync(Guid id, string? name, bool? isActive, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null) return Outcome<Team>.Missing();
        var errors = new ValidationErrors();
        var trimmed = name?.Trim();
        await ValidateTeamNameAsync(errors, team.AgencyId, trimmed, id, cancellationToken);
        if (isActive is null) errors.Add("active", "Select whether the team is active");
        if (errors.Any) return Outcome<Team>.Invalid(errors);
        if (team.Version != expectedVersion) return Outcome<Team>.Stale();
        team.Name = trimmed!;
        team.IsActive = isActive!.Value;
        team.Version = Guid.NewGuid();
        return await SaveVersionedAsync(team, cancellationToken);
    }

    private async Task ValidateAgencyNameAsync(ValidationErrors errors, string? name, Guid? except, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name)) errors.Add("name", "Enter the agency's name");
        else if (name.Length > 200) errors.Add("name", "The agency's name must be 200 characters or fewer");
        else if (await db.Agencies.AnyAsync(a => a.Name == name && a.Id != except, cancellationToken)) errors.Add("name", $"An agency called {name} already exists");
    }

    private async Task ValidateTeamNameAsync(ValidationErrors errors, Guid agencyId, string? name, Guid? except, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name)) errors.Add("name", "Enter the team's name");
        else if (name.Length > 200) errors.Add("name", "The team's name must be 200 characters or fewer");
        else if (await db.Teams.AnyAsync(t => t.AgencyId == agencyId && t.Name == name && t.Id != except, cancellationToken))
            errors.Add("name", $"The agency already has a team called {name}");
    }

    /// <summary>Saves a change guarded by a version column; a concurrent save in between makes it stale.</summary>
    private async Task<Outcome<T>> SaveVersionedAsync<T>(T entity, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<T>.Ok(entity);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Stale();
        }
    }

    // ---- Users -----------------------------------------------------------------------------------

    /// <summary>Every user, or those of one agency, by name. Administrators see accounts, never records.</summary>
    public Task<IReadOnlyList<UserSummary>> ListUsersAsync(Guid? agencyId = null, CancellationToken cancellationToken = default)
    {
        var query = db.Users.AsNoTracking();
        if (agencyId is { } id) query = query.Where(u => u.AgencyId == id);
        return SummariseAsync(query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email), cancellationToken);
    }

    public async Task<UserSummary?> GetUserAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await SummariseAsync(db.Users.AsNoTracking().Where(u => u.Id == id), cancellationToken)).FirstOrDefault();

    private async Task<IReadOnlyList<UserSummary>> SummariseAsync(IQueryable<SightlineUser> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.Role, u.AgencyId, AgencyName = u.Agency!.Name, TeamName = u.Team == null ? null : u.Team.Name,
                u.TeamId, u.IsActive, u.TwoFactorEnabled, u.LockoutEnd, u.MustChangePassword, u.LastSignInAt,
            })
            .ToListAsync(cancellationToken);
        // Compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
        var now = clock.GetUtcNow();
        return rows.Select(u => new UserSummary(u.Id, u.DisplayName, u.Email ?? "", u.Role, u.AgencyId, u.AgencyName, u.TeamId, u.TeamName,
            u.IsActive, u.TwoFactorEnabled, u.LockoutEnd > now, u.MustChangePassword, u.LastSignInAt)).ToList();
    }

    /// <summary>
    /// Changes a user's name, role, agency, team or whether they are active. A change to what the
    /// user may do (role, agency, team, active) renews their security stamp, which ends their
    /// existing sessions: they must sign in again, and an inactive user cannot. Administrators
    /// cannot deactivate or demote themselves, so there is always an administrator left.
    /// </summary>
    public async Task<Outcome<SightlineUser>> UpdateUserAsync(CurrentUser actor, Guid userId, UserChange change, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return Outcome<SightlineUser>.Missing();
        var errors = new ValidationErrors();
        var name = change.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "Enter the user's full name");
        else if (name.Length > 200) errors.Add("name", "The name must be 200 characters or fewer");
        var self = actor.UserId == userId;
        if (change.Role is null) errors.Add("role", "Select a role");
        else if (self && change.Role != Role.Administrator) errors.Add("role", "You cannot change your own role. Ask another administrator.");
        var agency = change.AgencyId is { } chosen ? await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == chosen, cancellationToken) : null;
        if (agency is null) errors.Add("agency", "Select the user's agency");
        else if (!agency.IsActive && agency.Id != user.AgencyId) errors.Add("agency", $"{agency.Name} is inactive: select an active agency");
        if (change.TeamId is { } teamId && agency is not null)
        {
            var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId && t.AgencyId == agency.Id, cancellationToken);
            if (team is null) errors.Add("teamId", "Select a team of the user's agency, or no team");
            else if (!team.IsActive && team.Id != user.TeamId) errors.Add("teamId", $"{team.Name} is inactive: select an active team, or no team");
        }
        if (change.IsActive is null) errors.Add("active", "Select whether the user can sign in");
        else if (self && change.IsActive == false) errors.Add("active", "You cannot deactivate your own account. Ask another administrator.");
        if (errors.Any) return Outcome<SightlineUser>.Invalid(errors);

        var agencyId = agency!.Id;
        var accessChanged = user.Role != change.Role || user.AgencyId != agencyId || user.TeamId != change.TeamId || user.IsActive != change.IsActive;
        user.DisplayName = name!;
        user.Role = change.Role!.Value;
        user.AgencyId = agencyId;
        user.TeamId = change.TeamId;
        user.IsActive = change.IsActive!.Value;
        // Renewing the stamp saves the other changes with it, in one audited update. Administrators
        // changing their own agency or team stay signed in: nothing they may do has been taken away.
        var result = accessChanged && !self ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        return result.Succeeded ? Outcome<SightlineUser>.Ok(user) : IdentityFailure<SightlineUser>(result);
    }

    public sealed record IssuedPassword(SightlineUser User, string OneTimePassword);

    /// <summary>
    /// Replaces the user's password with a one-time password (shown once to the administrator)
    /// that they must change when they next sign in. Their existing sessions end.
    /// </summary>
    public async Task<Outcome<IssuedPassword>> ResetPasswordAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return Outcome<IssuedPassword>.Missing();
        var password = OneTimePassword();
        user.MustChangePassword = true;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) return IdentityFailure<IssuedPassword>(result);
        await RecordAsync(user, "password-reset", cancellationToken);
        return Outcome<IssuedPassword>.Ok(new IssuedPassword(user, password));
    }

    /// <summary>Ends a lockout after too many failed sign-ins, and forgets the failures.</summary>
    public async Task<Outcome<SightlineUser>> UnlockAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return Outcome<SightlineUser>.Missing();
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return IdentityFailure<SightlineUser>(result);
        await RecordAsync(user, "unlock", cancellationToken);
        return Outcome<SightlineUser>.Ok(user);
    }

    /// <summary>
    /// Turns two-factor sign-in off and replaces the authenticator key, for a user who lost their
    /// phone. Their sessions end; an administrator must set up an authenticator again at next sign-in.
    /// </summary>
    public async Task<Outcome<SightlineUser>> ResetTwoFactorAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return Outcome<SightlineUser>.Missing();
        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (result.Succeeded) result = await users.ResetAuthenticatorKeyAsync(user);
        if (!result.Succeeded) return IdentityFailure<SightlineUser>(result);
        await RecordAsync(user, "two-factor-reset", cancellationToken);
        return Outcome<SightlineUser>.Ok(user);
    }

    /// <summary>Names the administrative action in the trail (the field changes alone do not say why, and a password is never recorded).</summary>
    private async Task RecordAsync(SightlineUser user, string action, CancellationToken cancellationToken)
    {
        if (db.Audit is { } audit) await audit.RecordNowAsync(AuditAction.Administer, "user", user.Id.ToString(), details: new { action }, cancellationToken: cancellationToken);
    }

    /// <summary>Identity refused an update: someone else saved the user first, or a rule failed.</summary>
    private Outcome<T> IdentityFailure<T>(IdentityResult result)
    {
        db.ChangeTracker.Clear();
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))) return Outcome<T>.Stale();
        var errors = new ValidationErrors();
        foreach (var error in result.Errors) errors.Add("", error.Description);
        return Outcome<T>.Invalid(errors);
    }

    public sealed record NewToken(ApiToken Token, string Secret);

    /// <summary>Issues an API token. The secret is shown once; only its SHA-256 hash is kept.</summary>
    public async Task<Outcome<NewToken>> CreateApiTokenAsync(string? email, CancellationToken cancellationToken = default)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive) return Outcome<NewToken>.Invalid(new ValidationErrors().Add("user", $"There is no active user with the email {email}"));
        var secret = "sl_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = user.Id, TokenHash = HashToken(secret), Prefix = secret[..8], CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<NewToken>.Ok(new NewToken(token, secret));
    }

    public static string HashToken(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Long enough to satisfy the password policy and easy to read out: four groups of five.</summary>
    public static string OneTimePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var groups = Enumerable.Range(0, 4).Select(_ =>
            new string(Enumerable.Range(0, 5).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray()));
        return string.Join('-', groups) + "-7a";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record AgencySummary(Guid Id, string Name, AgencyKind Kind, bool IsActive, int Teams, int Users);

/// <summary>What an administrator may change about an agency. Null means "not chosen" and is refused.</summary>
public sealed record AgencyChange(string? Name, AgencyKind? Kind, bool? IsActive);

/// <summary>What an administrator may change about a user. Email addresses are the sign-in name and stay as they are.</summary>
public sealed record UserChange(string? DisplayName, Role? Role, Guid? AgencyId, Guid? TeamId, bool? IsActive);

/// <summary>A user as administrators see them: the account, not anything they did.</summary>
public sealed record UserSummary(
    Guid Id, string DisplayName, string Email, Role Role, Guid AgencyId, string AgencyName, Guid? TeamId, string? TeamName,
    bool IsActive, bool TwoFactorEnabled, bool IsLockedOut, bool MustChangePassword, DateTime? LastSignInAt);
