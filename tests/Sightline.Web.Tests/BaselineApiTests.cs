using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Sightline.TestKit;
using Sightline.Web.Api;

namespace Sightline.Web.Tests;

/// <summary>
/// The benchmark's baseline endpoint (docs/PERFORMANCE.md) bypasses need-to-know and audit, so it
/// must not exist unless <c>Benchmark:BaselineEndpoint=true</c>, and even then only for the roles
/// and API tokens the people API accepts.
/// </summary>
public sealed class BaselineApiTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private SightlineFactory App => fixture.App;

    [Fact]
    public async Task Is_not_mapped_by_default()
    {
        var id = await AddPersonAsync();
        using var client = App.ApiClientFor("practitioner");
        var response = await client.GetAsync($"/api/v1/baseline/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task When_switched_on_answers_a_records_role_token_with_one_unaudited_lookup()
    {
        var cancel = TestContext.Current.CancellationToken;
        var id = await AddPersonAsync();
        await using var on = App.WithWebHostBuilder(builder => builder.UseSetting(BaselineApi.Setting, "true"));
        using var client = on.CreateClient();
        var path = $"/api/v1/baseline/{id}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path, cancel)).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", App.Tokens["analyst"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path, cancel)).StatusCode);

        client.DefaultRequestHeaders.Authorization = new("Bearer", App.Tokens["practitioner"]);
        var auditBefore = await App.WithDbAsync(db => db.AuditEntries.CountAsync(cancel));
        var response = await client.GetAsync(path, cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancel);
        Assert.Equal(id, body.GetProperty("id").GetGuid());
        Assert.StartsWith("SL-", body.GetProperty("reference").GetString());
        Assert.False(body.TryGetProperty("firstName", out _));
        Assert.Equal(auditBefore, await App.WithDbAsync(db => db.AuditEntries.CountAsync(cancel)));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/baseline/{Guid.NewGuid()}", cancel)).StatusCode);
    }

    private async Task<Guid> AddPersonAsync()
    {
        using var client = App.ApiClientFor("practitioner");
        var response = await client.PostAsJsonAsync("/api/v1/people", new { firstName = "Bench", lastName = "Mark", dateOfBirth = "2010-05-01" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }
}
