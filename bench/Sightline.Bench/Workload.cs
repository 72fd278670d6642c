using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Core.Demo;

namespace Sightline.Bench;

/// <summary>A person the practitioner may see, as the workload draws them.</summary>
public sealed record Visible(Guid Id, string FirstName, string LastName)
{
    /// <summary>What a practitioner types: a first name and the start of a surname, e.g. "Priya Pat".</summary>
    public string PartialName => $"{FirstName} {LastName[..Math.Min(3, LastName.Length)].Trim()}";
}

/// <summary>The four requests measured, built from people the practitioner is allowed to see.</summary>
public static partial class Workload
{
    public const string Practitioner = "practitioner@sightline.example";
    public const string Manager = "manager@sightline.example";

    /// <summary>The borough whose dashboard is measured (its real MPS counts are loaded by <c>demo seed</c> and <c>demo generate</c>).</summary>
    public const string DashboardArea = "Barnet";

    /// <summary>Draws up to <paramref name="count"/> people the practitioner can see, using the app's own need-to-know rule.</summary>
    public static async Task<(IReadOnlyList<Visible> People, long AuditEntries)> SampleAsync(DatabaseSettings settings, int count, int seed, CancellationToken cancellationToken)
    {
        var builder = new DbContextOptionsBuilder<SightlineDb>();
        settings.Configure(builder);
        await using var db = new SightlineDb(builder.Options);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Practitioner, cancellationToken);
        var me = new CurrentUser(user.Id, user.Email!, user.DisplayName, user.AgencyId, user.Role);
        var visible = await db.People.AsNoTracking().Where(new NeedToKnow(db, TimeProvider.System).VisibleTo(me))
            .OrderBy(p => p.Id).Select(p => new Visible(p.Id, p.FirstName, p.LastName)).ToListAsync(cancellationToken);
        if (visible.Count == 0) throw new InvalidOperationException("The practitioner can see nobody: the demo data is not as expected.");
        var random = new Random(seed);
        var sample = visible.OrderBy(_ => random.Next()).Take(count).ToList();
        var audit = await db.AuditEntries.LongCountAsync(cancellationToken);
        ClearPools();
        return (sample, audit);
    }

    /// <summary>Closes this process's idle database connections, so the benchmark holds none while it measures.</summary>
    private static void ClearPools()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    public static async Task<long> CountAuditAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var builder = new DbContextOptionsBuilder<SightlineDb>();
        settings.Configure(builder);
        await using var db = new SightlineDb(builder.Options);
        var count = await db.AuditEntries.LongCountAsync(cancellationToken);
        ClearPools();
        return count;
    }

    public static IReadOnlyList<Scenario> Build(IReadOnlyList<Visible> people, string token, string managerToken, string cookie)
    {
        var bearer = new AuthenticationHeaderValue("Bearer", token);
        var managerBearer = new AuthenticationHeaderValue("Bearer", managerToken);
        Visible Pick(Random random) => people[random.Next(people.Count)];
        HttpRequestMessage Api(string path, AuthenticationHeaderValue? authorization = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = authorization ?? bearer;
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return request;
        }
        HttpRequestMessage Page(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);
            request.Headers.Add("X-Forwarded-Proto", "https"); // as behind the TLS proxy; the cookies are Secure-only
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            return request;
        }
        return
        [
            new("baseline", "Baseline: one indexed lookup", "`GET /api/v1/baseline/{id}`: API-token authentication, then one primary-key lookup; no need-to-know, no audit",
                r => Api($"/api/v1/baseline/{Pick(r).Id}")),
            new("find", "Find a person (API)", "`GET /api/v1/people?q=<first name> <surname prefix>`: need-to-know filter, count + first page of 20, audited search",
                r => Api($"/api/v1/people?q={Uri.EscapeDataString(Pick(r).PartialName)}")),
            new("record-api", "Record (API)", "`GET /api/v1/people/{id}`: need-to-know decision, whole record (agencies, flags, notes), audited view",
                r => Api($"/api/v1/people/{Pick(r).Id}")),
            new("record-page", "Record page (HTML)", "`GET /people/{id}` signed in with a cookie: the same audited view, rendered with Razor",
                r => Page($"/people/{Pick(r).Id}")),
            new("chronology", "Chronology page (HTML)", "`GET /people/{id}/chronology` signed in with a cookie: need-to-know, every dated event of the record (flags, agencies, SEAM, missing episodes…) merged and rendered, audited view",
                r => Page($"/people/{Pick(r).Id}/chronology")),
            new("seam-list", "SEAM list (API)", "`GET /api/v1/people/{id}/seam-assessments`: need-to-know, the person's SEAM assessments with their scores, audited view",
                r => Api($"/api/v1/people/{Pick(r).Id}/seam-assessments")),
            new("index-summary", "Index summary (API)", "`GET /api/v1/index/summary`: the Vulnerable Adolescents Index board summary today (counts over every person's flags), audited",
                _ => Api("/api/v1/index/summary")),
            new("dashboard", "Dashboard (API)", $"`GET /api/v1/dashboard?area={DashboardArea}` as the team manager: the performance dashboard for one borough at the default month",
                _ => Api($"/api/v1/dashboard?area={DashboardArea}", managerBearer)),
            new("baseline-again", "Baseline again (drift check)", "the baseline once more at the end, after the audit trail has grown",
                r => Api($"/api/v1/baseline/{Pick(r).Id}")),
        ];
    }

    /// <summary>Signs the practitioner in through the real form (antiforgery token and all); returns the Cookie header to send.</summary>
    public static async Task<string> SignInAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var form = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        form.Headers.Add("X-Forwarded-Proto", "https");
        using var page = await client.SendAsync(form, cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET /sign-in answered {(int)page.StatusCode}");
        var antiforgery = AntiforgeryField().Match(html);
        if (!antiforgery.Success) throw new InvalidOperationException("The sign-in form has no antiforgery token.");
        var cookies = Cookies(page);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = Practitioner, ["password"] = DemoPartnership.DemoPassword, ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value),
            }),
        };
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        using var signedIn = await client.SendAsync(post, cancellationToken);
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in answered {(int)signedIn.StatusCode}, not a redirect");
        foreach (var (name, value) in Cookies(signedIn)) cookies[name] = value;
        if (!cookies.Keys.Any(k => k.StartsWith("sightline", StringComparison.Ordinal) && !k.Contains("antiforgery")))
            throw new InvalidOperationException("Signing in set no session cookie.");
        return string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
    }

    private static Dictionary<string, string> Cookies(HttpResponseMessage response)
    {
        var cookies = new Dictionary<string, string>();
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return cookies;
        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var eq = pair.IndexOf('=');
            if (eq > 0) cookies[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return cookies;
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken""\s+type=""hidden""\s+value=""([^""]+)""")]
    private static partial Regex AntiforgeryField();
}
