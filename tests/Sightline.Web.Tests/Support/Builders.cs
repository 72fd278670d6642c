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
}
