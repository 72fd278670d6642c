using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Web.Auth;

namespace Sightline.Web.Api;

/// <summary>
/// <c>GET /api/v1/baseline/{id}</c>: the benchmark's yardstick (see docs/PERFORMANCE.md). The same
/// API-token authentication and roles as <c>/api/v1/people</c>, then ONE indexed lookup by primary
/// key: no need-to-know, no audit. It returns only the record's reference, never a name.
/// Mapped only when <c>Benchmark:BaselineEndpoint=true</c> (default off): never turn it on in production,
/// because it skips need-to-know and audit by design.
/// </summary>
public static class BaselineApi
{
    public const string Setting = "Benchmark:BaselineEndpoint";

    public static void MapBaselineApi(this WebApplication app)
    {
        app.Logger.LogWarning("{Setting} is on: GET /api/v1/baseline/{{id}} is mapped for benchmarking. It bypasses need-to-know and audit; never enable it in production.", Setting);
        app.MapGet("/api/v1/baseline/{id:guid}", GetAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
                .RequireRole(Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager))
            .ExcludeFromDescription();
    }

    private static async Task<IResult> GetAsync(SightlineDb db, Guid id, CancellationToken cancellationToken)
    {
        var reference = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Reference).FirstOrDefaultAsync(cancellationToken);
        return reference is null ? ApiProblems.NotFound() : Results.Ok(new BaselineResponse(id, reference));
    }
}

public sealed record BaselineResponse(Guid Id, string Reference);
