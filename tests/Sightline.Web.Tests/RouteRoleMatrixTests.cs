using System.Net;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// Discovers every page and endpoint the app maps and checks each against every role: anonymous
/// is refused, each role gets exactly what it should, an uninvolved agency cannot see the record,
/// and no analyst response carries a young person's name. A new route fails this test until it is
/// classified in <see cref="RouteMatrix.Rules"/>, so nobody can add a route without deciding who may use it.
/// </summary>
public abstract class RouteRoleMatrixTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The rules of who may use which route are in <see cref="RouteMatrix.Rules"/>.</summary>
    [Fact]
    public async Task Every_route_is_classified_and_each_role_gets_exactly_what_it_should()
    {
        var problems = await RouteMatrix.EveryRoleProblemsAsync(App, Ct);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task A_practitioner_of_an_uninvolved_agency_cannot_see_the_record_on_any_route()
    {
        var (first, last) = Builders.UniqueName();
        var values = await RouteMatrix.SampleValuesAsync(App, first, last, Ct);
        var police = await App.SignedInAsync("police-practitioner");
        var problems = new List<string>();
        foreach (var route in RouteMatrix.DiscoverRoutes(App).Where(r => (r.Pattern.Contains("{id") && !r.Pattern.Contains("users/"))
            || r.Pattern.Contains("{seamId") || r.Pattern.Contains("{screenId") || r.Pattern.Contains("{actionId")
            || r.Pattern.Contains("{episodeId") || r.Pattern.Contains("{entryId")))
        {
            var url = RouteMatrix.Fill(route.Pattern, values);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (route.Pattern.StartsWith("api/")) request.Headers.Authorization = new("Bearer", App.Tokens["police-practitioner"]);
            using var response = await police.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (body.Contains(first) || body.Contains(last)) problems.Add($"{url} shows the name to an uninvolved agency");
            var location = response.Headers.Location?.OriginalString ?? "";
            var ok = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && (location.EndsWith("/break-glass") || location.Contains("/access-denied")))
                || (route.Pattern.EndsWith("/break-glass") && response.StatusCode == HttpStatusCode.OK);
            if (!ok) problems.Add($"{url}: {(int)response.StatusCode} {location}");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}

public sealed class RouteRoleMatrixTests_Sqlite(SqliteApp fixture) : RouteRoleMatrixTests(fixture), IClassFixture<SqliteApp>;

public sealed class RouteRoleMatrixTests_Postgres(PostgresApp fixture) : RouteRoleMatrixTests(fixture), IClassFixture<PostgresApp>;
