using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// Discovers every page and endpoint the app maps and checks each against every role: anonymous
/// is refused, each role gets exactly what it should, an uninvolved agency cannot see the record,
/// and no analyst response carries a young person's name. A new route fails this test until it is
/// classified below, so nobody can add a route without deciding who may use it.
/// </summary>
public abstract class RouteRoleMatrixTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Anonymous = "anonymous";
    private static readonly string[] SignedInKeys = ["practitioner", "team-manager", "senior-manager", "analyst", "administrator"];
    private static readonly string[] RecordRoles = ["practitioner", "team-manager", "senior-manager"];
    private static readonly string[] Managers = ["team-manager", "senior-manager"];

    /// <summary>Who may use a route, by its pattern. First match wins; the order goes from specific to general.</summary>
    private static readonly (Func<string, bool> Matches, string[] Allowed)[] Rules =
    [
        (p => p.StartsWith("health/") || p.StartsWith("openapi/"), [Anonymous, .. SignedInKeys]),
        (p => p is "sign-in" or "account/two-factor" or "account/signed-out" or "error" or "accessibility", [Anonymous, .. SignedInKeys]),
        (p => p.StartsWith("api/v1/people/") && p.EndsWith("/audit"), Managers),
        (p => p == "api/v1/panels", [.. RecordRoles, "administrator"]),
        (p => p == "api/v1/actions" || p.StartsWith("api/v1/meetings/"), RecordRoles),
        (p => p == "panels" || p.StartsWith("panels/"), RecordRoles),
        (p => p is "api/v1/missing/summary" or "api/v1/index/summary", ["analyst", .. RecordRoles]),
        (p => p == "api/v1/index" || p.StartsWith("api/v1/index-entries/"), RecordRoles),
        (p => p is "api/v1/dashboard" or "api/v1/strategic-assessment", ["analyst", .. Managers]),
        (p => p.StartsWith("api/v1/people"), RecordRoles),
        (p => p.StartsWith("api/v1/persons-of-concern") || p.StartsWith("api/v1/places") || p is "api/v1/disruption-tactics" or "api/v1/associations", RecordRoles),
        (p => p.StartsWith("persons-of-concern") || p.StartsWith("places"), RecordRoles),
        (p => p == "api/v1/notifications" || p.StartsWith("api/v1/notifications/"), SignedInKeys),
        (p => p.StartsWith("api/v1/seam-assessments/") || p.StartsWith("api/v1/safeguard-screens/") || p == "api/v1/panel-referrals", RecordRoles),
        (p => p.StartsWith("people/") && (p.EndsWith("/access-history") || p.EndsWith("/restrict")), Managers),
        (p => p == "people" || p.StartsWith("people/"), RecordRoles),
        (p => p == "vulnerable-adolescents" || p.StartsWith("vulnerable-adolescents/"), RecordRoles),
        (p => p.StartsWith("seam/") || p.StartsWith("screens/") || p.StartsWith("actions/") || p == "assessments", RecordRoles),
        (p => p == "missing", RecordRoles),
        (p => p == "notifications" || p.StartsWith("notifications/"), SignedInKeys),
        (p => p == "oversight" || p.StartsWith("oversight/"), Managers),
        // Traceability and partner measures: figures only, for the same people as the dashboard.
        (p => p is "insights/dashboard/sources" or "insights/dashboard/sources.csv" or "insights/dashboard/partner-measures.csv", ["analyst", .. Managers]),
        (p => p == "insights/imports", ["analyst"]),
        (p => p == "insights" || p.StartsWith("insights/"), ["analyst", .. Managers]),
        (p => p == "admin/area-groups" || p.StartsWith("admin/area-groups/"), ["administrator"]),
        (p => p == "admin" || p.StartsWith("admin/"), ["administrator"]),
        (p => p is "" or "sign-out" or "access-denied" || p.StartsWith("account/"), SignedInKeys),
    ];

    private sealed record Route(string Pattern, string Method);

    private List<Route> DiscoverRoutes()
    {
        var sources = App.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var pattern = e.RoutePattern.RawText!.Trim('/');
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                return methods.Where(m => m is "GET").Select(m => new Route(pattern, m));
            })
            .Where(r => !r.Pattern.Contains("{**")) // catch-alls (none today) would need their own cases
            .Distinct().OrderBy(r => r.Pattern).ToList();
    }

    private async Task<Dictionary<string, string>> SampleValuesAsync(string first, string last)
    {
        var person = await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"), first, last);
        var personId = person.GetProperty("id").GetGuid();
        var flag = await App.ApiClientFor("practitioner").PostAsync($"/api/v1/people/{personId}/flags",
            new StringContent("{\"type\":\"gangs\",\"startDate\":\"2026-01-01\"}", System.Text.Encoding.UTF8, "application/json"), Ct);
        var flagId = JsonDocument.Parse(await flag.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetString()!;
        var involvementId = await App.WithDbAsync(db => db.AgencyInvolvements.Where(a => a.PersonId == personId).Select(a => a.Id).FirstAsync(Ct));
        var screenId = await CreatedIdAsync($"/api/v1/people/{personId}/safeguard-screens",
            "{\"areas\":{\"sexual-health\":{\"concern\":true,\"seen\":\"Seen at school\"},\"absent\":false,\"familial-abuse\":false,\"emotional-physical\":false,"
            + "\"gangs\":false,\"technology\":false,\"alcohol-drugs\":false,\"gifts-money\":false,\"distrust-authority\":false},\"holdStrategyMeeting\":true,\"reason\":\"Concern\"}");
        var seamId = await CreatedIdAsync($"/api/v1/people/{personId}/seam-assessments",
            "{\"version\":\"2020\",\"scores\":{\"sexual-health\":{\"score\":3,\"evidence\":\"Seen\"},\"absent-missing\":{\"score\":0},\"familial\":{\"score\":0},"
            + "\"emotional-physical\":{\"score\":0},\"gangs-risky-adults\":{\"score\":0},\"technology\":{\"score\":0},\"alcohol-drugs\":{\"score\":0},"
            + "\"recognition-gifts\":{\"score\":0},\"authority-education\":{\"score\":0}},\"safeguardScreenId\":\"" + screenId + "\"}");
        var actionId = await CreatedIdAsync($"/api/v1/seam-assessments/{seamId}/actions",
            "{\"areaOfNeed\":\"Need\",\"desiredOutcome\":\"Outcome\",\"action\":\"Action\",\"ownerAgencyId\":\"" + App.SocialCare.Id + "\",\"dueOn\":\"2099-01-01\"}");
        var episodeId = await CreatedIdAsync($"/api/v1/people/{personId}/missing-episodes",
            "{\"category\":\"missing\",\"from\":\"home\",\"lastSeen\":\"2026-01-10T20:00:00Z\",\"returned\":\"2026-01-11T09:00:00Z\",\"whereFound\":\"Bus station\"}");
        await CreatedIdAsync($"/api/v1/people/{personId}/missing-episodes/{episodeId}/return-home-interviews",
            "{\"offered\":\"2026-01-11T12:00:00Z\",\"offeredBy\":\"Independent worker\",\"accepted\":true}");
        var entryId = await CreatedIdAsync("/api/v1/index-entries",
            "{\"personId\":\"" + personId + "\",\"reason\":\"Seen with older men\",\"startDate\":\"2026-01-01\"}");
        var personOfConcernId = await CreatedIdAsync("/api/v1/persons-of-concern", "{\"name\":\"Target Matrix\",\"category\":\"adult\"}");
        var placeId = await CreatedIdAsync("/api/v1/places", "{\"name\":\"Matrix Park\",\"type\":\"park\"}");
        await CreatedIdAsync("/api/v1/associations", "{\"from\":{\"kind\":\"person\",\"id\":\"" + personId + "\"},\"to\":{\"kind\":\"place\",\"id\":\"" + placeId + "\"},\"type\":\"frequents\"}");
        var (panelId, meetingId, itemId, panelActionId) = await PanelSampleAsync(personId);
        return new Dictionary<string, string>
        {
            ["panelId"] = panelId,
            ["meetingId"] = meetingId,
            ["itemId"] = itemId,
            ["panelActionId"] = panelActionId,
            ["id"] = personId.ToString(),
            ["personOfConcernId"] = personOfConcernId,
            ["placeId"] = placeId,
            ["flagId"] = flagId,
            ["involvementId"] = involvementId.ToString(),
            ["userId"] = App.Users["practitioner"].Id.ToString(),
            ["documentName"] = "v1",
            ["screenId"] = screenId,
            ["seamId"] = seamId,
            ["actionId"] = actionId,
            ["episodeId"] = episodeId,
            ["entryId"] = entryId,
            ["areaGroupId"] = (await App.WithDbAsync(db => db.AreaGroups.Where(g => g.Key == Sightline.Core.Performance.ReferenceAreas.BarnetMostSimilarGroup).Select(g => g.Id).FirstAsync(Ct))).ToString(),
        };
    }

    /// <summary>A MACE chaired by the practitioner, with the young person accepted, a meeting with its agenda issued, and an action.</summary>
    private async Task<(string Panel, string Meeting, string Item, string Action)> PanelSampleAsync(Guid personId)
    {
        var panelId = await Builders.CreatePanelAsync(App.ApiClientFor("administrator"), "mace", "practitioner@test.example", [], ["Police"]);
        var referralId = await CreatedIdAsync($"/api/v1/panels/{panelId}/referrals", "{\"personId\":\"" + personId + "\",\"reason\":\"Concern\"}");
        var chair = App.ApiClientFor("practitioner");
        (await chair.PostAsync($"/api/v1/panels/{panelId}/referrals/{referralId}/accept", new StringContent("{\"reason\":\"Agreed\"}", System.Text.Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();
        var meeting = await chair.PostAsync($"/api/v1/panels/{panelId}/meetings", new StringContent("{\"date\":\"2026-01-14\"}", System.Text.Encoding.UTF8, "application/json"), Ct);
        var agenda = JsonDocument.Parse(await meeting.Content.ReadAsStringAsync(Ct)).RootElement;
        var meetingId = agenda.GetProperty("id").GetString()!;
        var itemId = agenda.GetProperty("agenda")[0].GetProperty("id").GetString()!;
        (await chair.PostAsync($"/api/v1/meetings/{meetingId}/issue", null, Ct)).EnsureSuccessStatusCode();
        var actionId = await CreatedIdAsync($"/api/v1/meetings/{meetingId}/actions", "{\"title\":\"Visit\",\"ownerAgency\":\"Police\",\"dueDate\":\"2026-02-01\"}");
        return (panelId.ToString(), meetingId, itemId, actionId);
    }

    /// <summary>Posts JSON as the practitioner and returns the new entity's id, so routes are tried on real records.</summary>
    private async Task<string> CreatedIdAsync(string url, string json)
    {
        var response = await App.ApiClientFor("practitioner").PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static string Fill(string pattern, Dictionary<string, string> values)
    {
        // {id} under a users route is a user's id, under area groups a group's; everywhere else it is the young person's.
        var isUserRoute = pattern.Contains("users/{id");
        var isAreaGroupRoute = pattern.Contains("area-groups/{id");
        return "/" + System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\??\}", m =>
        {
            var name = m.Groups[1].Value;
            if (name == "id" && isUserRoute) return values["userId"];
            if (name == "id" && isAreaGroupRoute) return values["areaGroupId"];
            return values.TryGetValue(name, out var v) ? v : Guid.NewGuid().ToString();
        });
    }

    [Fact]
    public async Task Every_route_is_classified_and_each_role_gets_exactly_what_it_should()
    {
        var (first, last) = Builders.UniqueName();
        var values = await SampleValuesAsync(first, last);
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = App.CreateClient() };
        foreach (var key in SignedInKeys) clients[key] = await App.SignedInAsync(key);
        var problems = new List<string>();
        var routes = DiscoverRoutes();
        Assert.True(routes.Count > 20, $"Only {routes.Count} routes were discovered");

        foreach (var route in routes)
        {
            var rule = Rules.FirstOrDefault(r => r.Matches(route.Pattern));
            if (rule.Allowed is null)
            {
                problems.Add($"{route.Pattern}: not classified in RouteRoleMatrixTests.Rules");
                continue;
            }
            var url = Fill(route.Pattern, values);
            var isApi = route.Pattern.StartsWith("api/");
            foreach (var (key, client) in clients)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (isApi && key != Anonymous) request.Headers.Authorization = new("Bearer", App.Tokens[key]);
                using var response = await client.SendAsync(request, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                var location = response.Headers.Location?.OriginalString ?? "";
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/sign-in") || location.Contains("/access-denied")));
                // Pages whose normal answer looks like a refusal: the refusal page itself (403), and the
                // second-factor page, which sends you to sign in when no sign-in is waiting for a code.
                if (route.Pattern == "access-denied" && key != Anonymous) refused = response.StatusCode != HttpStatusCode.Forbidden;
                if (route.Pattern == "account/two-factor") refused = !location.Contains("/sign-in");
                var shouldBeAllowed = rule.Allowed.Contains(key);
                if (shouldBeAllowed && refused) problems.Add($"{key} GET {url}: refused ({(int)response.StatusCode} {location}) but should be allowed");
                if (!shouldBeAllowed && !refused) problems.Add($"{key} GET {url}: {(int)response.StatusCode} but should be refused");
                if (key == Anonymous && !shouldBeAllowed && isApi && response.StatusCode != HttpStatusCode.Unauthorized)
                    problems.Add($"anonymous GET {url}: {(int)response.StatusCode}, expected 401");
                if (key == Anonymous && !shouldBeAllowed && !isApi && !location.Contains("/sign-in"))
                    problems.Add($"anonymous GET {url}: {(int)response.StatusCode}, expected a redirect to sign in");
                if ((int)response.StatusCode >= 500) problems.Add($"{key} GET {url}: {(int)response.StatusCode}");
                if (key == "analyst" && (body.Contains(first) || body.Contains(last)))
                    problems.Add($"analyst GET {url}: the response contains a young person's name");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task A_practitioner_of_an_uninvolved_agency_cannot_see_the_record_on_any_route()
    {
        var (first, last) = Builders.UniqueName();
        var values = await SampleValuesAsync(first, last);
        var police = await App.SignedInAsync("police-practitioner");
        var problems = new List<string>();
        foreach (var route in DiscoverRoutes().Where(r => (r.Pattern.Contains("{id") && !r.Pattern.Contains("users/"))
            || r.Pattern.Contains("{seamId") || r.Pattern.Contains("{screenId") || r.Pattern.Contains("{actionId")
            || r.Pattern.Contains("{episodeId") || r.Pattern.Contains("{entryId")))
        {
            var url = Fill(route.Pattern, values);
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
