using System.Net.Http.Json;
using System.Text.Json;

namespace Sightline.Web.Tests.Support;

/// <summary>Creates records through the public API, as an integration would.</summary>
public static class Builders
{
    private static int _counter;

    /// <summary>A distinctive synthetic name, so a test can prove it never reaches an analyst or a log.</summary>
    public static (string First, string Last) UniqueName()
    {
        var n = Interlocked.Increment(ref _counter);
        return ($"Zephyrine{n}", $"Quillfeather{Guid.NewGuid().ToString("N")[..6]}");
    }

    public static async Task<JsonElement> CreatePersonAsync(HttpClient api, string? first = null, string? last = null, string dob = "2010-03-27")
    {
        var (f, l) = UniqueName();
        var response = await api.PostAsJsonAsync("/api/v1/people", new { firstName = first ?? f, lastName = last ?? l, dateOfBirth = dob, sex = "female" });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Sets up a panel as the administrator (the <paramref name="admin"/> client) and returns its id.</summary>
    public static async Task<Guid> CreatePanelAsync(HttpClient admin, string type, string chairEmail, string[] memberEmails, string[]? agencies = null, string? name = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/panels", new
        {
            type, name = name ?? $"{type} panel {Guid.NewGuid():N}", chairEmail, memberEmails, memberAgencies = agencies ?? [],
        });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Created) throw new InvalidOperationException($"Creating a panel: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }
}
