using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Sightline.TestKit;

namespace Sightline.Web.Tests.Support;

/// <summary>Posting a page's form and reading an API's JSON the way the page and API tests check them.</summary>
public static class FormPosts
{
    /// <summary>Where a redirect goes, as a local path and query (the cookie handler's redirects are absolute).</summary>
    public static string Target(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Posts a form that should come back with errors (200): the page.</summary>
    public static async Task<IDocument> PostExpectingFormAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var response = await client.PostFormAsync(url, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    /// <summary>Posts a form that should succeed (a redirect): where it goes; otherwise fails with the page's errors.</summary>
    public static async Task<string> PostExpectingRedirectAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var response = await client.PostFormAsync(url, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        if (response.StatusCode != HttpStatusCode.Redirect)
            Assert.Fail($"Expected a redirect from POST {url}, got {(int)response.StatusCode}: {string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary())}");
        return Target(response);
    }

    /// <summary>GETs an API path with <paramref name="who"/>'s token: the status and the JSON body (default when empty).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this SightlineFactory app, string who, string url, CancellationToken cancellationToken)
    {
        var response = await app.ApiClientFor(who).GetAsync(url, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
