using Microsoft.AspNetCore.Authorization;
using Sightline.Core.Access;

namespace Sightline.Web.Auth;

/// <summary>
/// Every permission in one place (as Orchard modules declare theirs). Pages get a policy from
/// their folder's convention in Program; API groups name one. The fallback policy denies anonymous users.
/// </summary>
public static class Policies
{
    /// <summary>Named children's records (subject to need-to-know per record).</summary>
    public const string Records = "records";

    /// <summary>Access history, user activity and break-glass review.</summary>
    public const string Oversight = "oversight";

    /// <summary>Agencies, teams, users and reference lists; requires a two-factor sign-in.</summary>
    public const string Administration = "administration";

    /// <summary>Counts and dashboards without names.</summary>
    public const string Aggregates = "aggregates";

    /// <summary>Importing performance data (crime counts, population) in a page: analysts only, although managers see the dashboards.</summary>
    public const string PerformanceImports = "performance-imports";

    public static void Register(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Records, p => p.RequireAuthenticatedUser().RequireRole(Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager));
        options.AddPolicy(Oversight, p => p.RequireAuthenticatedUser().RequireRole(Roles.TeamManager, Roles.SeniorManager));
        options.AddPolicy(Administration, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator)
            .RequireAssertion(c => c.User.SignedInWithTwoFactor()));
        options.AddPolicy(Aggregates, p => p.RequireAuthenticatedUser().RequireRole(Roles.Analyst, Roles.TeamManager, Roles.SeniorManager));
        options.AddPolicy(PerformanceImports, p => p.RequireAuthenticatedUser().RequireRole(Roles.Analyst));
    }
}
