using System.Data.Common;
using System.Net;
using System.Reflection;
using System.Text;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Performance;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// Sends hostile input (see <see cref="HostileInput"/>) to every API endpoint, by every method it maps, and to every
/// form the pages show, as a user allowed to use it: in each field in turn, in place of each route parameter and as
/// whole malformed bodies. Nothing may fail (5xx), reflect the script unescaped, answer an API error other than as
/// problem+json, or change any table when it is refused. Afterwards the audit chain verifies and every route still
/// allows and refuses exactly whom it should. Deterministic: a fixed seed picks the values; PostgreSQL tries fewer
/// values per field than SQLite, to keep the suite fast.
/// </summary>
public abstract class FuzzTests(AppFixture fixture, int valuesPerField)
{
    private const int Seed = 20261122;
    private static readonly string[] RolePreference = ["practitioner", "team-manager", "senior-manager", "analyst", "administrator"];

    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly List<string> _problems = [];
    private readonly Random _random = new(Seed);
    private long[] _counts = [];
    private string _countSql = "";
    private int _requests;

    [Fact]
    public async Task Hostile_input_everywhere_never_fails_reflects_script_or_half_writes_and_the_audit_chain_and_role_matrix_hold()
    {
        var (first, last) = Builders.UniqueName();
        var values = await RouteMatrix.SampleValuesAsync(App, first, last, Ct);
        await UseThrowawayUserAndAreaGroupAsync(values);
        var browsers = new Dictionary<string, HttpClient> { [RouteMatrix.Anonymous] = App.NewBrowser() };
        foreach (var key in RolePreference) browsers[key] = await App.SignedInAsync(key);
        _counts = await CountRowsAsync();

        await FuzzApiAsync(values);
        await FuzzFormsAsync(values, browsers);
        await CheckEveryPageForScriptAsync(values, browsers);

        var (intact, _, fault) = await App.WithDbAsync(db => new AuditQueries(db).VerifyAsync(Ct));
        if (!intact) _problems.Add($"The audit chain no longer verifies: {fault}");
        _problems.AddRange(await RouteMatrix.EveryRoleProblemsAsync(App, Ct));
        Assert.True(_problems.Count == 0, $"{_problems.Count} problems in {_requests} requests:\n" + string.Join('\n', _problems.Take(60)));
        Assert.True(_requests > 1000, $"Only {_requests} hostile requests were sent");
    }

    /// <summary>The admin pages act on a user and an area group; the fuzz gets its own, so it cannot lock out the test users or delete a group the matrix needs.</summary>
    private async Task UseThrowawayUserAndAreaGroupAsync(Dictionary<string, string> values)
    {
        using var scope = App.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateUserAsync($"fuzz-{Guid.NewGuid():N}@test.example", "Fuzz target", null, App.SocialCare.Id, Role.Practitioner, cancellationToken: Ct);
        values["userId"] = user.Value!.User.Id.ToString();
        var groups = scope.ServiceProvider.GetRequiredService<AreaGroupAdministration>();
        var areas = (await groups.AreasAsync(Ct)).Take(2).Select(a => a.Id).ToList();
        var group = await groups.CreateAsync($"Fuzz group {Guid.NewGuid():N}", areas, Ct);
        values["areaGroupId"] = group.Value!.Id.ToString();
    }

    // ---------------------------------------------------------------- API

    private async Task FuzzApiAsync(Dictionary<string, string> values)
    {
        var routes = RouteMatrix.DiscoverRoutes(App, "GET", "POST", "PUT", "PATCH", "DELETE").Where(r => r.Pattern.StartsWith("api/")).ToList();
        Assert.True(routes.Count(r => r.Method != "GET") > 10, "Too few API writes were discovered");
        foreach (var route in routes)
        {
            var who = RoleFor(route.Pattern);
            var client = who == RouteMatrix.Anonymous ? App.CreateClient() : App.ApiClientFor(who);
            var url = RouteMatrix.Fill(route.Pattern, values);

            foreach (var garbage in HostileInput.RouteValues.Where(_ => route.Pattern.Contains('{')))
                await SendApiAsync(client, route.Method, System.Text.RegularExpressions.Regex.Replace(route.Pattern, @"\{[^}]+\}", garbage).Insert(0, "/"), null, "application/json");

            foreach (var name in QueryParameters(route.Endpoint))
                foreach (var value in HostileInput.Sample(_random, valuesPerField))
                    await SendApiAsync(client, route.Method, $"{url}?{name}={(value.Form.Length > 8000 ? value.Form[..8000] : value.Form)}", null, "application/json");

            if (route.Method == "GET") continue;
            foreach (var (_, body) in HostileInput.JsonBodies) await SendApiAsync(client, route.Method, url, body, "application/json");
            await SendApiAsync(client, route.Method, url, "{}"u8.ToArray(), "text/plain");
            await SendApiAsync(client, route.Method, url, "<x/>"u8.ToArray(), "application/xml");

            var fields = BodyFields(route.Endpoint);
            foreach (var field in fields.Keys)
                foreach (var value in HostileInput.Sample(_random, valuesPerField))
                {
                    var body = "{" + string.Join(',', fields.Select(f => $"\"{f.Key}\":{(f.Key == field ? value.Json : f.Value)}")) + "}";
                    await SendApiAsync(client, route.Method, url, Encoding.UTF8.GetBytes(body), "application/json");
                }
        }
    }

    private async Task SendApiAsync(HttpClient client, string method, string url, byte[]? body, string contentType)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new(contentType);
        }
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var what = $"{method} {Shorten(url)} {Shorten(body is null ? "" : Encoding.UTF8.GetString(body))}";
        var status = (int)response.StatusCode;
        if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            _problems.Add($"{what}: {status} answered as {response.Content.Headers.ContentType?.MediaType ?? "nothing"}, not problem+json");
        await CheckResponseAsync(what, response, text, refused: status >= 400);
    }

    /// <summary>The query string parameters of a minimal API handler: its simple parameters that are not in the route.</summary>
    private static IEnumerable<string> QueryParameters(RouteEndpoint endpoint)
    {
        var method = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        if (method is null) return [];
        return method.GetParameters()
            .Where(p => IsSimple(p.ParameterType) && p.GetCustomAttribute<FromServicesAttribute>() is null
                && endpoint.RoutePattern.GetParameter(p.Name!) is null && p.ParameterType != typeof(CancellationToken))
            .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!);
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateOnly)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(decimal) || type == typeof(string[]);
    }

    /// <summary>The JSON body's fields, from the request type the endpoint declares it accepts, each with a plausible value.</summary>
    private Dictionary<string, string> BodyFields(RouteEndpoint endpoint)
    {
        var type = endpoint.Metadata.OfType<IAcceptsMetadata>().FirstOrDefault()?.RequestType;
        if (type is null) return new() { ["value"] = "\"x\"" };
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => Plausible(p.PropertyType));
    }

    private string Plausible(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool)) return "true";
        if (type.IsPrimitive || type == typeof(decimal)) return "1";
        if (type == typeof(DateOnly)) return "\"2026-01-01\"";
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return "\"2026-01-10T20:00:00Z\"";
        if (type == typeof(Guid)) return $"\"{App.SocialCare.Id}\"";
        if (type == typeof(string)) return "\"Fuzz\"";
        if (type.IsArray || (type.IsGenericType && type.GetInterface("IEnumerable`1") is not null && !type.Name.StartsWith("Dictionary"))) return "[]";
        return "{}";
    }

    // ---------------------------------------------------------------- Forms

    private sealed record Form(string Url, string Action, string Who, List<KeyValuePair<string, string>> Fields);

    private async Task FuzzFormsAsync(Dictionary<string, string> values, Dictionary<string, HttpClient> browsers)
    {
        var forms = await DiscoverFormsAsync(values, browsers);
        Assert.True(forms.Count > 20, $"Only {forms.Count} forms were found: {string.Join(", ", forms.Select(f => f.Action))}");
        foreach (var form in forms)
        {
            var browser = browsers[form.Who];
            var page = await browser.GetAsync(form.Url, Ct);
            if (page.StatusCode != HttpStatusCode.OK) continue; // e.g. a record the fuzz restricted earlier
            var token = SignedInClient.AntiforgeryToken(await page.ReadDocumentAsync());
            if (token is null) continue;
            _counts = await CountRowsAsync(); // showing a form may write (the authenticator page stores a new key)
            var names = form.Fields.Select(f => f.Key).Distinct().ToList();

            await PostFormAsync(browser, form, token, []);
            await PostFormAsync(browser, form, token, [.. form.Fields, new("unexpected", Uri.EscapeDataString(HostileInput.Script))]);
            foreach (var name in names)
                foreach (var value in HostileInput.Sample(_random, valuesPerField))
                {
                    var fields = form.Fields.Where(f => f.Key != name).Select(f => new KeyValuePair<string, string>(f.Key, Uri.EscapeDataString(f.Value)))
                        .Concat(Enumerable.Repeat(new KeyValuePair<string, string>(name, value.Form), value.FormRepeat));
                    await PostFormAsync(browser, form, token, [.. fields]);
                }
            // Without a token: refused, and nothing written.
            await PostFormAsync(browser, form, null, [.. form.Fields.Select(f => new KeyValuePair<string, string>(f.Key, Uri.EscapeDataString(f.Value)))]);
        }
    }

    /// <summary>Every form on every page, fetched as a user allowed to see it, with the values the page fills in. Forms that end a record's or user's access go last.</summary>
    private async Task<List<Form>> DiscoverFormsAsync(Dictionary<string, string> values, Dictionary<string, HttpClient> browsers)
    {
        var forms = new List<Form>();
        foreach (var route in PageRoutes())
        {
            var who = RoleFor(route.Pattern);
            var url = RouteMatrix.Fill(route.Pattern, values);
            using var response = await browsers[who].GetAsync(url, Ct);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var page = await response.ReadDocumentAsync();
            foreach (var form in page.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                var fields = FieldsOf(form);
                var actions = new[] { form.GetAttribute("action") }
                    .Concat(form.QuerySelectorAll("button[formaction], input[formaction]").Select(b => b.GetAttribute("formaction")))
                    .Select(a => string.IsNullOrEmpty(a) ? url : a).Distinct();
                foreach (var action in actions.Where(a => !a.StartsWith("/sign-out")))
                    if (!forms.Any(f => f.Action == action && f.Fields.Select(x => x.Key).SequenceEqual(fields.Select(x => x.Key))))
                        forms.Add(new Form(url, action, who, fields));
            }
        }
        return forms.OrderBy(f => f.Action.EndsWith("/restrict") || f.Action.Contains("/break-glass") ? 1 : 0).ToList();
    }

    /// <summary>Every page (not the API, health or OpenAPI document), by its GET route.</summary>
    private List<MappedRoute> PageRoutes() =>
        RouteMatrix.DiscoverRoutes(App).Where(r => !r.Pattern.StartsWith("api/") && !r.Pattern.StartsWith("health/") && !r.Pattern.StartsWith("openapi/")).ToList();

    /// <summary>What the browser would send: named inputs (checked boxes only), selects and text areas, without the token.</summary>
    private static List<KeyValuePair<string, string>> FieldsOf(IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (name == "__RequestVerificationToken") continue;
            var type = element.GetAttribute("type")?.ToLowerInvariant();
            if (type is "submit" or "button" or "file" or "image") continue;
            if (type is "checkbox" or "radio" && !element.HasAttribute("checked")) continue;
            var value = element.LocalName switch
            {
                "select" => (element.QuerySelector("option[selected]") ?? element.QuerySelector("option"))?.GetAttribute("value") ?? "",
                "textarea" => element.TextContent,
                _ => element.GetAttribute("value") ?? "",
            };
            fields.Add(new(name, value));
        }
        // Radios with none checked: send the first, so the other fields are tried with a choice made.
        foreach (var radio in form.QuerySelectorAll("input[type=radio][name]").GroupBy(r => r.GetAttribute("name")!))
            if (!fields.Any(f => f.Key == radio.Key)) fields.Add(new(radio.Key, radio.First().GetAttribute("value") ?? ""));
        return fields;
    }

    /// <summary>Posts already percent-encoded fields (and the token, if any) as a browser would.</summary>
    private async Task PostFormAsync(HttpClient browser, Form form, string? token, List<KeyValuePair<string, string>> encoded)
    {
        if (token is not null) encoded.Add(new("__RequestVerificationToken", Uri.EscapeDataString(token)));
        var body = string.Join('&', encoded.Select(f => Uri.EscapeDataString(f.Key) + "=" + f.Value));
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await browser.PostAsync(form.Action, content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var status = (int)response.StatusCode;
        var refused = status >= 400 || (status == 200 && text.Contains("govuk-error-summary"));
        await CheckResponseAsync($"{form.Who} POST {form.Action} {Shorten(body)}", response, text, refused);
        if (token is null && status is >= 200 and < 400) _problems.Add($"POST {form.Action} without an antiforgery token: {status}");
    }

    /// <summary>After all that, no page shows the script unescaped (it may have been stored by a write that was allowed).</summary>
    private async Task CheckEveryPageForScriptAsync(Dictionary<string, string> values, Dictionary<string, HttpClient> browsers)
    {
        foreach (var route in PageRoutes())
        {
            var url = RouteMatrix.Fill(route.Pattern, values);
            using var response = await browsers[RoleFor(route.Pattern)].GetAsync(url, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            await CheckResponseAsync($"GET {url}", response, text, refused: false);
        }
    }

    // ---------------------------------------------------------------- Checks

    private async Task CheckResponseAsync(string what, HttpResponseMessage response, string text, bool refused)
    {
        _requests++;
        // FUZZ_PROGRESS=/some/file notes every hundredth request there, to see where a slow run spends its time.
        if (_requests % 100 == 0 && Environment.GetEnvironmentVariable("FUZZ_PROGRESS") is { } progress)
            await File.AppendAllTextAsync(progress, $"{DateTime.UtcNow:HH:mm:ss} {_requests} {what[..Math.Min(80, what.Length)]}\n", Ct);
        var status = (int)response.StatusCode;
        if (status >= 500) _problems.Add($"{what}: {status} {App.Logs.Lines.LastOrDefault(l => l.Contains("Exception"))?.Split('\n')[0]}");
        // In a page or JSON it could run; a CSV or PDF download is data, never rendered as HTML.
        var media = response.Content.Headers.ContentType?.MediaType ?? "";
        if ((media.Length == 0 || media.Contains("html") || media.Contains("json")) && text.Contains(HostileInput.Script, StringComparison.OrdinalIgnoreCase))
            _problems.Add($"{what}: the script is in the response unescaped");
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("fuzz", StringComparison.Ordinal)))
            _problems.Add($"{what}: a header was injected");
        var counts = await CountRowsAsync();
        if (refused && !counts.SequenceEqual(_counts)) _problems.Add($"{what}: refused ({status}) but changed {ChangedTables(counts)}");
        _counts = counts;
    }

    private string ChangedTables(long[] counts)
    {
        var tables = _countSql.Split("FROM \"").Skip(1).Select(s => s[..s.IndexOf('"')]).ToList();
        return string.Join(", ", tables.Where((_, i) => counts[i] != _counts[i]));
    }

    /// <summary>The number of rows in every table but the audit's own (reads are audited, refused ones too), in one query.</summary>
    private async Task<long[]> CountRowsAsync() => await App.WithDbAsync(async db =>
    {
        if (_countSql.Length == 0)
        {
            var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct()
                .Where(t => !t.StartsWith("Audit") && t != "DataProtectionKeys").Order().ToList();
            _countSql = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT COUNT(*) FROM \"{t}\")"));
        }
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = _countSql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToInt64(reader.GetValue(i))).ToArray();
    });

    private static string RoleFor(string pattern)
    {
        // The matrix classifies GET routes; a route only written to (such as an action's progress) is the practitioners'.
        var allowed = RouteMatrix.Rules.FirstOrDefault(r => r.Matches(pattern)).Allowed ?? ["practitioner"];
        // Approving or returning an assessment is a manager's decision: fuzzed as one, the input reaches the checks.
        if (pattern.EndsWith("/approve") || pattern.EndsWith("/return") || pattern.EndsWith("/decision")) allowed = ["team-manager"];
        return allowed.Contains(RouteMatrix.Anonymous) ? RouteMatrix.Anonymous : RolePreference.First(allowed.Contains);
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + $"…({text.Length} chars)";
}

public sealed class FuzzTests_Sqlite(SqliteApp fixture) : FuzzTests(fixture, 4), IClassFixture<SqliteApp>;

public sealed class FuzzTests_Postgres(PostgresApp fixture) : FuzzTests(fixture, 2), IClassFixture<PostgresApp>;
