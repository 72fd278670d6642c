using System.Net;
using Microsoft.AspNetCore.TestHost;
using Sightline.Core.Data;
using Sightline.TestKit;

namespace Sightline.Web.Tests;

/// <summary>
/// Behind a load balancer on another machine, the client's address comes from X-Forwarded-For, and
/// only when the load balancer is one of <c>ForwardedHeaders:KnownProxies</c>: the sign-in limit is
/// then per person, not one limit shared by everyone behind the balancer; and a client talking to
/// the app directly cannot escape the limit by sending the header itself.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Balancer = "10.9.9.9";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Addresses_forwarded_by_a_known_proxy_are_limited_separately_and_forged_ones_are_not_believed()
    {
        await using var app = await SightlineFactory.StartAsync(DatabaseProvider.Sqlite, new()
        {
            ["SignIn:AttemptsPerMinute"] = "3",
            [SightlineHost.KnownProxiesSetting] = Balancer,
        });

        var first = await AttemptsAsync(app, Balancer, "203.0.113.5");
        var second = await AttemptsAsync(app, Balancer, "203.0.113.6");
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, second[..3]);

        // Not from the balancer: the header is ignored, every attempt counts against the sender's own address.
        var forged = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) forged.AddRange(await AttemptsAsync(app, "10.1.1.1", $"203.0.113.{50 + i}", attempts: 2));
        Assert.Contains(HttpStatusCode.TooManyRequests, forged);
    }

    private static async Task<List<HttpStatusCode>> AttemptsAsync(SightlineFactory app, string from, string forwardedFor, int attempts = 5)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < attempts; i++)
        {
            var response = await app.Server.SendAsync(context =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(from);
                context.Request.Method = "POST";
                context.Request.Scheme = "https";
                context.Request.Host = new("localhost");
                context.Request.Path = "/sign-in";
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
                context.Request.Headers["X-Forwarded-Proto"] = "https";
            }, Ct);
            statuses.Add((HttpStatusCode)response.Response.StatusCode);
        }
        return statuses;
    }
}
