using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.TestKit;

namespace Sightline.Web.Tests.Support;

/// <summary>A route the app maps: its pattern (no slashes at the ends), one HTTP method, and its endpoint.</summary>
public sealed record MappedRoute(string Pattern, string Method, RouteEndpoint Endpoint);

/// <summary>
/// Who may use each route, the routes the app maps, real records to fill their parameters, and the check of every
/// route against every role: shared by <see cref="RouteRoleMatrixTests"/> and the fuzz test, which re-runs the check
/// after its hostile input to show that nothing it sent changed who may see what.
/// </summary>
public static class RouteMatrix
{
    public const string Anonymous = "anonymous";
    public static readonly string[] SignedInKeys = ["practitioner", "team-manager", "senior-manager", "analyst", "administrator"];
    private static readonly string[] RecordRoles = ["practitioner", "team-manager", "senior-manager"];
    private static readonly string[] Managers = ["team-manager", "senior-manager"];

    /// <summary>Who may use a route, by its pattern. First match wins; the order goes from specific to general.</summary>
    public static readonly (Func<string, bool> Matches, string[] Allowed)[] Rules =
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


    /// <summary>Every route the app maps (its pattern, without slashes at the ends) with the given methods (GET by default).</summary>
    public static List<MappedRoute> DiscoverRoutes(SightlineFactory app, params string[] methods)
    {
        if (methods.Length == 0) methods = ["GET"];
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var pattern = e.RoutePattern.RawText!.Trim('/');
                return (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Where(methods.Contains).Select(m => new MappedRoute(pattern, m, e));
            })
            .Where(r => !r.Pattern.Contains("{**")) // catch-alls (none today) would need their own cases
            .DistinctBy(r => (r.Pattern, r.Method)).OrderBy(r => r.Pattern).ThenBy(r => r.Method).ToList();
    }

    /// <summary>Real records (a young person named <paramref name="first"/> <paramref name="last"/>, with one of everything) whose ids fill route parameters.</summary>
    public static async Task<Dictionary<string, string>> SampleValuesAsync(SightlineFactory app, string first, string last, CancellationToken ct)
    {
        var person = await Builders.CreatePersonAsync(app.ApiClientFor("practitioner"), first, last);
        var personId = person.GetProperty("id").GetGuid();
        var flag = await app.ApiClientFor("practitioner").PostAsync($"/api/v1/people/{personId}/flags",
            new StringContent("{\"type\":\"gangs\",\"startDate\":\"2026-01-01\"}", System.Text.Encoding.UTF8, "application/json"), ct);
        var flagId = JsonDocument.Parse(await flag.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetString()!;
        var involvementId = await app.WithDbAsync(db => db.AgencyInvolvements.Where(a => a.PersonId == personId).Select(a => a.Id).FirstAsync(ct));
        var screenId = await CreatedIdAsync(app, $"/api/v1/people/{personId}/safeguard-screens",
            "{\"areas\":{\"sexual-health\":{\"concern\":true,\"seen\":\"Seen at school\"},\"absent\":false,\"familial-abuse\":false,\"emotional-physical\":false,"
            + "\"gangs\":false,\"technology\":false,\"alcohol-drugs\":false,\"gifts-money\":false,\"distrust-authority\":false},\"holdStrategyMeeting\":true,\"reason\":\"Concern\"}", ct);
        var seamId = await CreatedIdAsync(app, $"/api/v1/people/{personId}/seam-assessments",
            "{\"version\":\"2020\",\"scores\":{\"sexual-health\":{\"score\":3,\"evidence\":\"Seen\"},\"absent-missing\":{\"score\":0},\"familial\":{\"score\":0},"
            + "\"emotional-physical\":{\"score\":0},\"gangs-risky-adults\":{\"score\":0},\"technology\":{\"score\":0},\"alcohol-drugs\":{\"score\":0},"
            + "\"recognition-gifts\":{\"score\":0},\"authority-education\":{\"score\":0}},\"safeguardScreenId\":\"" + screenId + "\"}", ct);
        var actionId = await CreatedIdAsync(app, $"/api/v1/seam-assessments/{seamId}/actions",
            "{\"areaOfNeed\":\"Need\",\"desiredOutcome\":\"Outcome\",\"action\":\"Action\",\"ownerAgencyId\":\"" + app.SocialCare.Id + "\",\"dueOn\":\"2099-01-01\"}", ct);
        var episodeId = await CreatedIdAsync(app, $"/api/v1/people/{personId}/missing-episodes",
            "{\"category\":\"missing\",\"from\":\"home\",\"lastSeen\":\"2026-01-10T20:00:00Z\",\"returned\":\"2026-01-11T09:00:00Z\",\"whereFound\":\"Bus station\"}", ct);
        await CreatedIdAsync(app, $"/api/v1/people/{personId}/missing-episodes/{episodeId}/return-home-interviews",
            "{\"offered\":\"2026-01-11T12:00:00Z\",\"offeredBy\":\"Independent worker\",\"accepted\":true}", ct);
        var entryId = await CreatedIdAsync(app, "/api/v1/index-entries",
            "{\"personId\":\"" + personId + "\",\"reason\":\"Seen with older men\",\"startDate\":\"2026-01-01\"}", ct);
        var personOfConcernId = await CreatedIdAsync(app, "/api/v1/persons-of-concern", "{\"name\":\"Target Matrix\",\"category\":\"adult\"}", ct);
        var placeId = await CreatedIdAsync(app, "/api/v1/places", "{\"name\":\"Matrix Park\",\"type\":\"park\"}", ct);
        await CreatedIdAsync(app, "/api/v1/associations", "{\"from\":{\"kind\":\"person\",\"id\":\"" + personId + "\"},\"to\":{\"kind\":\"place\",\"id\":\"" + placeId + "\"},\"type\":\"frequents\"}", ct);
        var (panelId, meetingId, itemId, panelActionId) = await PanelSampleAsync(app, personId, ct);
        return new Dictionary<string, string>
        {
            ["panelId"] = panelId,
            ["meetingId"] = meetingId,
            ["itemId"] = itemId,
            ["panelActionId"] = panelActionId,
            ["personOfConcernId"] = personOfConcernId,
            ["placeId"] = placeId,
            ["id"] = personId.ToString(),
            ["flagId"] = flagId,
            ["involvementId"] = involvementId.ToString(),
            ["userId"] = app.Users["practitioner"].Id.ToString(),
            ["documentName"] = "v1",
            ["screenId"] = screenId,
            ["seamId"] = seamId,
            ["actionId"] = actionId,
            ["episodeId"] = episodeId,
            ["entryId"] = entryId,
            ["areaGroupId"] = (await app.WithDbAsync(db => db.AreaGroups.Where(g => g.Key == Sightline.Core.Performance.ReferenceAreas.BarnetMostSimilarGroup).Select(g => g.Id).FirstAsync(ct))).ToString(),
        };
    }

    /// <summary>A MACE chaired by the practitioner, with the young person accepted, a meeting with its agenda issued, and an action.</summary>
    private static async Task<(string Panel, string Meeting, string Item, string Action)> PanelSampleAsync(SightlineFactory app, Guid personId, CancellationToken ct)
    {
        var panelId = await Builders.CreatePanelAsync(app.ApiClientFor("administrator"), "mace", "practitioner@test.example", [], ["Police"]);
        var referralId = await CreatedIdAsync(app, $"/api/v1/panels/{panelId}/referrals", "{\"personId\":\"" + personId + "\",\"reason\":\"Concern\"}", ct);
        var chair = app.ApiClientFor("practitioner");
        (await chair.PostAsync($"/api/v1/panels/{panelId}/referrals/{referralId}/accept", new StringContent("{\"reason\":\"Agreed\"}", System.Text.Encoding.UTF8, "application/json"), ct)).EnsureSuccessStatusCode();
        var meeting = await chair.PostAsync($"/api/v1/panels/{panelId}/meetings", new StringContent("{\"date\":\"2026-01-14\"}", System.Text.Encoding.UTF8, "application/json"), ct);
        var agenda = JsonDocument.Parse(await meeting.Content.ReadAsStringAsync(ct)).RootElement;
        var meetingId = agenda.GetProperty("id").GetString()!;
        var itemId = agenda.GetProperty("agenda")[0].GetProperty("id").GetString()!;
        (await chair.PostAsync($"/api/v1/meetings/{meetingId}/issue", null, ct)).EnsureSuccessStatusCode();
        var actionId = await CreatedIdAsync(app, $"/api/v1/meetings/{meetingId}/actions", "{\"title\":\"Visit\",\"ownerAgency\":\"Police\",\"dueDate\":\"2026-02-01\"}", ct);
        return (panelId.ToString(), meetingId, itemId, actionId);
    }

    /// <summary>Posts JSON as the practitioner and returns the new entity's id, so routes are tried on real records.</summary>
    private static async Task<string> CreatedIdAsync(SightlineFactory app, string url, string json, CancellationToken ct)
    {
        var response = await app.ApiClientFor("practitioner").PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static string Fill(string pattern, Dictionary<string, string> values)
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

    /// <summary>
    /// Tries every GET route as anonymous and as each role: what each should be refused and allowed, that no route is
    /// unclassified or fails (5xx), and that no analyst response carries the young person's name. The problems found.
    /// </summary>
    public static async Task<List<string>> EveryRoleProblemsAsync(SightlineFactory app, CancellationToken ct)
    {
        var (first, last) = Builders.UniqueName();
        var values = await SampleValuesAsync(app, first, last, ct);
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = app.CreateClient() };
        foreach (var key in SignedInKeys) clients[key] = await app.SignedInAsync(key);
        var problems = new List<string>();
        var routes = DiscoverRoutes(app);
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
                if (isApi && key != Anonymous) request.Headers.Authorization = new("Bearer", app.Tokens[key]);
                using var response = await client.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
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
        return problems;
    }

}
