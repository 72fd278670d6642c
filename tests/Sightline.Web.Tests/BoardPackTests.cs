using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Audit;
using Sightline.Core.Dashboard;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The partnership board pack PDF on the hand-made robbery data of <see cref="RobberyData"/> (four boroughs, robbery
/// rising by one a month from Sep 2015; Barnet from 10; a 2015 population of 100,000 each). The PDF's text is read back
/// with <see cref="PdfText"/> so the tests check the figures it prints, not just that a file came back.
/// </summary>
public abstract class BoardPackTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly YearMonth First = new(2015, 9);
    private static readonly Dictionary<string, int> Base = new() { ["Barnet"] = 10, ["Brent"] = 20, ["Camden"] = 30, ["Harrow"] = 5 };

    private async Task<HttpClient> ClientAsync(string who = "analyst")
    {
        await RobberyData.SeedAsync(App, First, (area, month) => Base[area] + First.MonthsUntil(month), populationYear: 2015, Ct);
        return await App.SignedInAsync(who);
    }

    [Fact]
    public async Task The_board_pack_is_a_landscape_PDF_with_the_cover_dashboard_exceptions_strategic_table_charts_and_rules()
    {
        var client = await ClientAsync();
        var page = await client.GetDocumentAsync("/insights/dashboard?area=Barnet&month=2017-08");
        var link = page.GetElementById("board-pack")!;
        Assert.Equal("Download the board pack (PDF)", link.TextContent.Trim());
        Assert.Equal("/insights/dashboard/board-pack.pdf?area=Barnet&month=2017-08", link.GetAttribute("href"));

        var response = await client.GetAsync(link.GetAttribute("href")!, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", App.Logs.Lines.Where(l => l.Contains("Exception")).Take(3)));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("board-pack-barnet-2017-08.pdf", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        using (var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            Assert.Equal("Board pack Barnet 2017-08", document.Info.Title);
            foreach (var p in document.Pages) Assert.True(p.Width.Point > p.Height.Point, "landscape");
        }

        var pages = PdfText.Pages(bytes);
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        var cover = pages[0];
        Assert.Contains("Partnership board pack", cover);
        Assert.Contains("Barnet", cover);
        Assert.Contains("Aug 2017", cover);
        Assert.Contains("Population year", cover);
        Assert.Contains("Rates use the 2015 population", cover);
        Assert.Contains("OFFICIAL", cover);

        var text = string.Join("\n", pages);
        // The dashboard: robbery's recent quarter 96 (+60.0%), rolling 12 months 330 (+77.4%), 3.30 per 1,000, 2nd of 4 and of 3; Red.
        Assert.Contains("96 (+60.0%)", text);
        Assert.Contains("330 (+77.4%)", text);
        Assert.Contains("3.30", text);
        Assert.Contains("2/4", text);
        Assert.Contains("2/3", text);
        Assert.Contains("Red", text);
        Assert.Contains("2nd lowest of all 4 boroughs", text);
        // The exceptions table, by month, with the method.
        Assert.Contains("Monthly exceptions", text);
        Assert.Contains("Jun 2017", text);
        Assert.Contains("33", text);
        // The strategic table for the default years at Aug 2017: 2011/12, 2015/16 and 2016/17 (270 robberies).
        Assert.Contains("2016/17", text);
        Assert.Contains("2011/12", text);
        Assert.Contains("270", text);
        // The trend charts, and the rules written out.
        Assert.Contains("Trends: Barnet", text);
        Assert.Contains("MOPAC 7 (total)", text);
        Assert.Contains("How the figures are worked out", text);
        Assert.Contains(Rag.Rule.Split(' ')[..4].Aggregate((a, b) => a + " " + b), text);

        var analyst = App.Users["analyst"].Id;
        var exported = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.Export && e.EntityType == "board-pack" && e.UserId == analyst).ToListAsync(Ct));
        var entry = Assert.Single(exported);
        Assert.Null(entry.PersonId);
        var details = JsonDocument.Parse(entry.Details!).RootElement;
        Assert.Equal("Barnet", details.GetProperty("area").GetString());
        Assert.Equal("2017-08", details.GetProperty("month").GetString());
    }

    [Fact]
    public async Task Managers_can_download_it_and_practitioners_and_administrators_are_refused()
    {
        var manager = await ClientAsync("senior-manager");
        var ok = await manager.GetAsync("/insights/dashboard/board-pack.pdf?area=Barnet&month=2017-08", Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        foreach (var who in new[] { "practitioner", "administrator" })
        {
            var client = await App.SignedInAsync(who);
            var response = await client.GetAsync("/insights/dashboard/board-pack.pdf?area=Barnet&month=2017-08", Ct);
            var location = response.Headers.Location?.OriginalString ?? "";
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/access-denied")),
                $"{who}: {response.StatusCode} {location}");
        }
    }

    [Fact]
    public async Task An_unknown_area_a_bad_month_or_an_area_without_data_go_back_to_the_page_which_says_why()
    {
        var client = await ClientAsync();
        foreach (var (query, error) in new[]
        {
            ("?area=Atlantis&month=2017-08", "Choose an area from the list ('Atlantis' is not one)"),
            ("?area=Barnet&month=2017-13", "Enter the month as a year and month, for example 2017-08"),
        })
        {
            var response = await client.GetAsync("/insights/dashboard/board-pack.pdf" + query, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/insights/dashboard" + query, response.Headers.Location!.OriginalString);
            var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
            Assert.Contains(error, page.ErrorSummary());
        }
        var empty = await client.GetAsync("/insights/dashboard/board-pack.pdf?area=Enfield", Ct);
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Equal("/insights/dashboard?area=Enfield", empty.Headers.Location!.OriginalString);
    }
}

public sealed class BoardPackTests_Sqlite(SqliteApp fixture) : BoardPackTests(fixture), IClassFixture<SqliteApp>;

public sealed class BoardPackTests_Postgres(PostgresApp fixture) : BoardPackTests(fixture), IClassFixture<PostgresApp>;
