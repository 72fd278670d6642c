using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Dashboard;
using Sightline.Core.Performance;
using Sightline.TestKit;

using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The dashboard and strategic assessment endpoints on a small hand-made dataset: four boroughs with 36 months
/// of robbery (Sep 2015 – Aug 2018) and a 2017 population of 100,000 each. Harrow has the least robbery, then
/// Barnet, Brent, Camden; Barnet's similar group here has data for Barnet, Brent and Harrow.
/// </summary>
public abstract class DashboardApiTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly YearMonth First = new(2015, 9);
    private static readonly Dictionary<string, int> Base = new() { ["Barnet"] = 10, ["Brent"] = 20, ["Camden"] = 30, ["Harrow"] = 5 };

    private static int CountOf(string area, YearMonth month) => Base[area] + First.MonthsUntil(month) % 3;

    private Task SeedAsync() => RobberyData.SeedAsync(App, First, CountOf, populationYear: 2017, Ct);

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string who, string url)
    {
        await SeedAsync();
        return await App.GetJsonAsync(who, url, Ct);
    }

    [Fact]
    public async Task The_dashboard_gives_volumes_changes_rates_ranks_months_and_rag()
    {
        var (status, body) = await GetAsync("analyst", "/api/v1/dashboard?area=barnet&month=2017-08");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("Barnet", body.GetProperty("area").GetString());
        Assert.Equal("2017-08", body.GetProperty("month").GetString());
        Assert.Equal(2017, body.GetProperty("populationYear").GetInt32());
        var indicators = body.GetProperty("indicators");
        Assert.Equal(Indicators.All.Select(i => i.Key), indicators.EnumerateArray().Select(i => i.GetProperty("key").GetString()));

        var robbery = indicators.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "robbery");
        Assert.Equal("Robbery", robbery.GetProperty("name").GetString());
        long Sum(YearMonth last, int months) => Enumerable.Range(0, months).Sum(i => CountOf("Barnet", last.AddMonths(-i)));
        var m = new YearMonth(2017, 8);
        var quarter = robbery.GetProperty("recentQuarter");
        Assert.Equal(Sum(m, 3), quarter.GetProperty("volume").GetInt64());
        Assert.Equal(Sum(m.AddMonths(-12), 3), quarter.GetProperty("previousVolume").GetInt64());
        Assert.Equal(Change.Percent(Sum(m, 3), Sum(m.AddMonths(-12), 3)), quarter.GetProperty("changePercent").GetDouble());
        var rolling = robbery.GetProperty("rolling12");
        Assert.Equal(Sum(m, 12), rolling.GetProperty("volume").GetInt64());
        Assert.Equal(Sum(m.AddMonths(-12), 12), rolling.GetProperty("previousVolume").GetInt64());
        Assert.Equal(JsonValueKind.Number, rolling.GetProperty("changePercent").ValueKind);
        Assert.Equal(Math.Round(Sum(m, 12) * 1000.0 / 100_000, 2), robbery.GetProperty("ratePer1000").GetDouble());
        Assert.Equal(2, robbery.GetProperty("londonRank").GetProperty("rank").GetInt32());
        Assert.Equal(4, robbery.GetProperty("londonRank").GetProperty("of").GetInt32());
        Assert.Equal(2, robbery.GetProperty("similarGroupRank").GetProperty("rank").GetInt32());
        Assert.Equal(3, robbery.GetProperty("similarGroupRank").GetProperty("of").GetInt32());

        var months = robbery.GetProperty("lastMonths").EnumerateArray().ToList();
        Assert.Equal(["2017-08", "2017-07", "2017-06"], months.Select(x => x.GetProperty("month").GetString()));
        Assert.Equal(CountOf("Barnet", m), months[0].GetProperty("count").GetInt64());
        // Only two earlier Augusts are stored: too little history to judge.
        Assert.All(months, x => Assert.Equal("NoJudgement", x.GetProperty("exception").GetString()));
        Assert.All(months, x => Assert.Equal(JsonValueKind.Null, x.GetProperty("expected").ValueKind));
        Assert.Empty(robbery.GetProperty("exceptions").EnumerateArray());

        Assert.Contains(robbery.GetProperty("rag").GetString(), new[] { "Green", "Amber", "Red" });
        var factors = robbery.GetProperty("factors").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("2nd lowest of all 4 boroughs", factors);
        Assert.Contains("2nd lowest in the similar group", factors);

        // An indicator without any matching rows has no data and no rating.
        var damage = indicators.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "criminal-damage");
        Assert.Equal(JsonValueKind.Null, damage.GetProperty("recentQuarter").GetProperty("volume").ValueKind);
        Assert.Equal(JsonValueKind.Null, damage.GetProperty("londonRank").ValueKind);
        Assert.Equal(JsonValueKind.Null, damage.GetProperty("rag").ValueKind);
        Assert.Empty(damage.GetProperty("factors").EnumerateArray());
    }

    [Fact]
    public async Task Without_a_month_the_latest_complete_month_is_used_and_managers_may_see_it()
    {
        foreach (var who in new[] { "team-manager", "senior-manager" })
        {
            var (status, body) = await GetAsync(who, "/api/v1/dashboard?area=Camden");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("2018-08", body.GetProperty("month").GetString());
            var robbery = body.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "robbery");
            Assert.Equal(4, robbery.GetProperty("londonRank").GetProperty("rank").GetInt32());
            Assert.Equal(JsonValueKind.Null, robbery.GetProperty("similarGroupRank").ValueKind); // Camden has no similar group
        }
    }

    [Fact]
    public async Task The_strategic_assessment_gives_volumes_by_financial_year_and_changes()
    {
        var (status, body) = await GetAsync("analyst", "/api/v1/strategic-assessment?area=Barnet&years=2016,2016/17,2017");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("Barnet", body.GetProperty("area").GetString());
        Assert.Equal(["2016/17", "2017/18"], body.GetProperty("years").EnumerateArray().Select(y => y.GetString()));
        var robbery = body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "robbery");
        Assert.Equal("Robbery", robbery.GetProperty("name").GetString());
        long Year(int start) => Enumerable.Range(0, 12).Sum(i => CountOf("Barnet", new YearMonth(start, 4).AddMonths(i)));
        var volumes = robbery.GetProperty("volumes");
        Assert.Equal(Year(2016), volumes.GetProperty("2016/17").GetInt64());
        Assert.Equal(Year(2017), volumes.GetProperty("2017/18").GetInt64());
        Assert.Equal(Change.Percent(Year(2017), Year(2016)), robbery.GetProperty("changeVsOneYear").GetDouble());
        Assert.Equal(JsonValueKind.Null, robbery.GetProperty("changeVsFiveYears").ValueKind); // 2012/13 has no data
    }

    [Fact]
    public async Task Unknown_areas_are_404_bad_months_and_years_are_400_and_practitioners_are_refused()
    {
        var (status, body) = await GetAsync("analyst", "/api/v1/dashboard?area=Atlantis");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Atlantis", body.GetProperty("title").GetString());
        (status, body) = await GetAsync("analyst", "/api/v1/strategic-assessment?area=Atlantis&years=2016");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Atlantis", body.GetProperty("title").GetString());

        (status, body) = await GetAsync("analyst", "/api/v1/dashboard?area=Barnet&month=2017-13");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("month", out _), body.ToString());
        (status, body) = await GetAsync("analyst", "/api/v1/dashboard");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("area", out _), body.ToString());
        foreach (var years in new[] { "", "2016,twenty", "2016/18" })
        {
            (status, body) = await GetAsync("analyst", $"/api/v1/strategic-assessment?area=Barnet&years={years}");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(body.GetProperty("errors").TryGetProperty("years", out _), body.ToString());
        }

        foreach (var who in new[] { "practitioner", "administrator" })
        {
            (status, _) = await GetAsync(who, "/api/v1/dashboard?area=Barnet&month=2017-08");
            Assert.Equal(HttpStatusCode.Forbidden, status);
            (status, _) = await GetAsync(who, "/api/v1/strategic-assessment?area=Barnet&years=2016");
            Assert.Equal(HttpStatusCode.Forbidden, status);
        }
    }
}

public sealed class DashboardApiTests_Sqlite(SqliteApp fixture) : DashboardApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class DashboardApiTests_Postgres(PostgresApp fixture) : DashboardApiTests(fixture), IClassFixture<PostgresApp>;
