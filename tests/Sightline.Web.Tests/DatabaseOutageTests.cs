using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sightline.Core.Data;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>The app over a PostgreSQL server of its own, which the test stops and starts.</summary>
public sealed class PrivatePostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;
    public SightlineFactory App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await PostgresServer.StartPrivateAsync();
        App = await SightlineFactory.StartAsync(await TestDatabase.CreateAsync(DatabaseProvider.Postgres, Server));
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>
/// PostgreSQL goes away while the app is serving: every request fails cleanly and says so (503,
/// problem+json for the API, the GOV.UK "unavailable" page for people, never a 500 or a stack
/// trace), readiness reports it while liveness does not, and when the database comes back the app
/// serves again by itself, without a restart.
/// </summary>
public sealed class DatabaseOutageTests(PrivatePostgresFixture fixture) : IClassFixture<PrivatePostgresFixture>
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_are_503_while_the_database_is_down_and_succeed_again_when_it_returns()
    {
        var api = App.ApiClientFor("practitioner");
        var browser = await App.SignedInAsync("practitioner");
        var anonymous = App.CreateClient();
        var id = (await Builders.CreatePersonAsync(api)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/people/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/people/{id}", Ct)).StatusCode);

        fixture.Server.Stop();
        try
        {
            foreach (var read in new[] { $"/api/v1/people/{id}", "/api/v1/people?q=a" })
                await AssertApiUnavailableAsync(await api.GetAsync(read, Ct));
            await AssertApiUnavailableAsync(await api.PostAsJsonAsync("/api/v1/people", new { firstName = "Down", lastName = "Time", dateOfBirth = "2010-03-27", sex = "female" }, Ct));
            foreach (var page in new[] { $"/people/{id}", "/people", "/" })
                await AssertPageUnavailableAsync(await browser.GetAsync(page, Ct));
            await AssertPageUnavailableAsync(await anonymous.GetAsync("/sign-in", Ct), allowOk: true);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live", Ct)).StatusCode);
        }
        finally
        {
            fixture.Server.Restart();
        }

        // No restart of the app: the first requests may still meet a pooled connection the outage
        // broke (and fail cleanly, as above), then it serves again.
        var recovered = Stopwatch.StartNew();
        for (var attempt = await api.GetAsync($"/api/v1/people/{id}", Ct); attempt.StatusCode != HttpStatusCode.OK; attempt = await api.GetAsync($"/api/v1/people/{id}", Ct))
        {
            if (recovered.Elapsed > TimeSpan.FromSeconds(60))
                Assert.Fail($"the app still fails 60 seconds after the database returned: {(int)attempt.StatusCode} {await attempt.Content.ReadAsStringAsync(Ct)}");
            await Task.Delay(200, Ct);
        }
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/people/{id}", Ct)).StatusCode);
        var created = await api.PostAsJsonAsync("/api/v1/people", new { firstName = "Back", lastName = "Again", dateOfBirth = "2010-03-27", sex = "female" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain(App.Logs.Lines, line => line.Contains("Zephyrine") || line.Contains("Down Time"));
    }

    private static async Task AssertApiUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        AssertNoInternals(body);
    }

    private static async Task AssertPageUnavailableAsync(HttpResponseMessage response, bool allowOk = false)
    {
        var body = await response.Content.ReadAsStringAsync();
        // The sign-in page needs no database to show its form.
        if (allowOk && response.StatusCode == HttpStatusCode.OK) return;
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Sorry, Sightline is unavailable", body);
        Assert.Contains("govuk-template", body);
        AssertNoInternals(body);
    }

    private static void AssertNoInternals(string body)
    {
        foreach (var leak in new[] { "Npgsql", "Exception", "   at ", "127.0.0.1", "Host=" })
            Assert.DoesNotContain(leak, body);
    }
}
