using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sightline.TestKit;

namespace Sightline.Web.Tests;

/// <summary>
/// A name search sorts on an expression (so the databases scan and sort the matches rather than
/// walk the name index, see docs/PERFORMANCE.md); the order must still be surname, first name.
/// </summary>
public sealed class FindOrderTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Name_search_lists_by_surname_then_first_name()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var client = fixture.App.ApiClientFor("practitioner");
        foreach (var (first, last) in new[] { ("Zoe", "Orderby"), ("Adam", "Orderbz"), ("Adam", "Orderby"), ("Mia", "Orderbx") })
        {
            var created = await client.PostAsJsonAsync("/api/v1/people", new { firstName = first, lastName = last, dateOfBirth = "2011-02-03" }, cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/people?q=orderb", cancel);

        var names = page.GetProperty("items").EnumerateArray()
            .Select(p => $"{p.GetProperty("lastName").GetString()}, {p.GetProperty("firstName").GetString()}").ToList();
        Assert.Equal(["Orderbx, Mia", "Orderby, Adam", "Orderby, Zoe", "Orderbz, Adam"], names);
    }
}
