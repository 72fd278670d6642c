using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;

namespace Sightline.Core.Access;

/// <summary>Agencies, teams, users and API tokens: what an administrator (or an operator at the command line) sets up.</summary>
public sealed class UserAdministration(SightlineDb db, UserManager<SightlineUser> users, TimeProvider clock)
{
    public async Task<Outcome<Agency>> CreateAgencyAsync(string? name, AgencyKind kind, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add("name", "Enter the agency's name");
        else if (trimmed.Length > 200) errors.Add("name", "The agency's name must be 200 characters or fewer");
        else if (await db.Agencies.AnyAsync(a => a.Name == trimmed, cancellationToken)) errors.Add("name", $"An agency called {trimmed} already exists");
        if (errors.Any) return Outcome<Agency>.Invalid(errors);
        var agency = new Agency { Name = trimmed!, Kind = kind, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Agency>.Ok(agency);
    }

    public async Task<Outcome<Team>> CreateTeamAsync(Guid agencyId, string? name, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var trimmed = name?.Trim();
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken)) errors.Add("agencyId", "Select an agency");
        if (string.IsNullOrEmpty(trimmed)) errors.Add("name", "Enter the team's name");
        else if (trimmed.Length > 200) errors.Add("name", "The team's name must be 200 characters or fewer");
        else if (await db.Teams.AnyAsync(t => t.AgencyId == agencyId && t.Name == trimmed, cancellationToken)) errors.Add("name", $"The agency already has a team called {trimmed}");
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
        if (role is null) errors.Add("role", "Select a role: administrator, practitioner, team-manager, senior-manager or analyst");
        if (teamId is { } t && agency is not null && !await db.Teams.AnyAsync(x => x.Id == t && x.AgencyId == agency.Id, cancellationToken))
            errors.Add("teamId", "Select a team of the user's agency");
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
