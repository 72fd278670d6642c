using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sightline.TestKit;

namespace Sightline.Web.Tests;

/// <summary>The analysts' import page: a good MPS borough file (and the same again), a broken one, wrong and empty
/// files, and who may use it.</summary>
public abstract class ImportPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two months of robbery for two boroughs, and one row with a negative count (line 4), which is rejected.</summary>
    private const string GoodMps =
        "MajorText,MinorText,BoroughName,201701,201702\n" +
        "ROBBERY,ROBBERY OF PERSONAL PROPERTY,Barnet,41,43\n" +
        "ROBBERY,ROBBERY OF PERSONAL PROPERTY,Camden,77,80\n" +
        "ROBBERY,ROBBERY OF BUSINESS PROPERTY,Barnet,-3,2\n";

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string? kind, string? fileName, byte[]? content, string? year = null)
    {
        var page = await client.GetDocumentAsync("/insights/imports");
        // The import form's own token (not the header's sign-out form's): the form must carry one.
        var token = page.QuerySelector("main form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        if (year is not null) form.Add(new StringContent(year), "year");
        if (fileName is not null)
        {
            var file = new ByteArrayContent(content ?? []);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", fileName);
        }
        else
        {
            // What a browser sends when no file is chosen: a file part with an empty name and no content.
            var none = new ByteArrayContent([]);
            none.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"\"" };
            none.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(none);
        }
        return await client.PostAsync("/insights/imports", form, Ct);
    }

    private static string Text(IDocument page, string id) => page.GetElementById(id)!.TextContent.Trim();

    [Fact]
    public async Task An_analyst_imports_an_MPS_borough_file_and_sees_what_it_did_and_the_run_and_the_same_file_again_changes_nothing()
    {
        var client = await App.SignedInAsync("analyst");
        var insights = await client.GetDocumentAsync("/insights");
        Assert.Equal("/insights/imports", insights.GetElementById("imports-link")!.GetAttribute("href"));

        var fileName = $"mps-{Guid.NewGuid():N}.csv";
        var bytes = Encoding.UTF8.GetBytes(GoodMps);
        var response = await UploadAsync(client, "mps-borough", fileName, bytes);
        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", App.Logs.Lines.Where(l => l.Contains("Exception")).Take(3)));
        var page = await response.ReadDocumentAsync();
        Assert.Empty(page.ErrorSummary());
        Assert.Contains($"{fileName} imported", Text(page, "imported"));
        Assert.Equal("3", Text(page, "rows-read"));
        Assert.Equal("4", Text(page, "imported-count"));
        Assert.Equal("0", Text(page, "unchanged"));
        Assert.Equal("1", Text(page, "rejected"));
        var problem = Assert.Single(page.QuerySelectorAll("#problems tbody tr"));
        Assert.Contains("line 4", problem.TextContent);

        var stored = await App.WithDbAsync(db => db.CrimeCounts.Where(c => c.Month == 201701 && db.Areas.Any(a => a.Id == c.AreaId && a.Name == "Camden")).SumAsync(c => c.Count, Ct));
        Assert.Equal(77, stored);

        var again = await (await UploadAsync(client, "mps-borough", fileName, bytes)).ReadDocumentAsync();
        Assert.Equal("0", Text(again, "imported-count"));
        Assert.Equal("4", Text(again, "unchanged"));
        var runs = again.QuerySelectorAll("#runs tbody tr").Where(r => r.TextContent.Contains(fileName)).ToList();
        Assert.Equal(2, runs.Count);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Contains(sha[..12], runs[0].TextContent);
        Assert.Contains("Metropolitan Police borough file", runs[0].TextContent);
    }

    [Fact]
    public async Task A_broken_file_a_wrong_type_an_empty_file_or_no_choice_show_an_error_summary_and_import_nothing()
    {
        var client = await App.SignedInAsync("analyst");
        var before = await App.WithDbAsync(db => db.ImportRuns.CountAsync(Ct));
        foreach (var (kind, name, content, error) in new (string?, string?, byte[], string)[]
        {
            ("mps-borough", "broken.csv", Encoding.UTF8.GetBytes("Borough,Crime,Count\nBarnet,Robbery,4\n"), "The file was not imported: This is not an MPS borough-level file"),
            ("mps-borough", "figures.xlsx", Encoding.UTF8.GetBytes(GoodMps), "The selected file must be a CSV"),
            ("mps-borough", "renamed.csv", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00], "The selected file must be a CSV (this one is not text)"),
            ("mps-borough", "empty.csv", [], "The selected file is empty"),
            ("mps-borough", null, [], "Select a CSV file to import"),
            (null, "mps.csv", Encoding.UTF8.GetBytes(GoodMps), "Choose what kind of file this is"),
            ("population", "population.csv", Encoding.UTF8.GetBytes("Code,Name,Geography1,Age,Population\n"), "Enter the year as 4 digits, for example 2019, or leave it blank"),
        })
        {
            var response = await UploadAsync(client, kind, name, content, year: kind == "population" ? "next year" : null);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {response.StatusCode} " + string.Join("\n", App.Logs.Lines.TakeLast(5)));
            var page = await response.ReadDocumentAsync();
            Assert.True(page.ErrorSummary().Any(e => e.StartsWith(error, StringComparison.Ordinal)), $"{name}: {string.Join(" | ", page.ErrorSummary())}");
            Assert.StartsWith("Error:", page.Title);
            Assert.Null(page.GetElementById("imported"));
        }
        Assert.Equal(before, await App.WithDbAsync(db => db.ImportRuns.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_file_cut_off_in_the_middle_of_a_row_or_a_quoted_field_imports_the_whole_rows_and_names_the_broken_line()
    {
        var client = await App.SignedInAsync("analyst");
        foreach (var cut in new[] { "ROBBERY,ROBBERY OF PERS", "ROBBERY,\"ROBBERY OF PERSONAL PROPERTY,Barnet,4" })
        {
            var file = "MajorText,MinorText,BoroughName,201801\nROBBERY,ROBBERY OF PERSONAL PROPERTY,Barnet,41\n" + cut;
            var response = await UploadAsync(client, "mps-borough", $"cut-{Guid.NewGuid():N}.csv", Encoding.UTF8.GetBytes(file));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{cut}: {(int)response.StatusCode}");
            var page = await response.ReadDocumentAsync();
            var problems = page.QuerySelectorAll("#problems tbody tr").Select(r => r.TextContent).Concat(page.ErrorSummary()).ToList();
            Assert.True(problems.Any(p => p.Contains("line 3")), $"{cut}: {string.Join(" | ", problems)}");
        }
    }

    [Fact]
    public async Task A_file_over_100_MB_streamed_to_the_page_gets_a_clear_page_not_a_failure_and_imports_nothing()
    {
        var client = await App.SignedInAsync("analyst");
        var before = await App.WithDbAsync(db => db.ImportRuns.CountAsync(Ct));
        var page = await client.GetDocumentAsync("/insights/imports");
        var token = page.QuerySelector("main form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // 101 MB of CSV-looking text, generated as it is sent: the test never holds the file in memory.
        using var content = new OversizedUpload(token, fileBytes: Insights_MaxFileBytes + 1024 * 1024);
        var response = await client.PostAsync("/insights/imports", content, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        var shown = SignedInClient.ParseHtml(body);
        var summary = shown.ErrorSummary();
        var clearPage = response.StatusCode == HttpStatusCode.RequestEntityTooLarge && shown.QuerySelector("h1")!.TextContent.Contains("too large");
        var errorOnForm = response.StatusCode == HttpStatusCode.OK && summary.Any(e => e.Contains("smaller than 100 MB"));
        Assert.True(clearPage || errorOnForm, $"{(int)response.StatusCode}: {shown.QuerySelector("h1")?.TextContent} {string.Join("; ", summary)}");
        Assert.Equal(before, await App.WithDbAsync(db => db.ImportRuns.CountAsync(Ct)));
    }

    private const long Insights_MaxFileBytes = Sightline.Web.Pages.Insights.ImportsModel.MaxFileBytes;

    /// <summary>A multipart form with the token, the kind and a file part of <c>fileBytes</c> generated while it is sent.</summary>
    private sealed class OversizedUpload : HttpContent
    {
        private const string Boundary = "fuzzboundary7d2";
        private readonly long _fileBytes;
        private readonly byte[] _head;
        private readonly byte[] _tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");

        public OversizedUpload(string token, long fileBytes)
        {
            _fileBytes = fileBytes;
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
            _head = Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nmps-borough\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
            "MajorText,MinorText,BoroughName,201701\n");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_head);
            var row = Encoding.ASCII.GetBytes("ROBBERY,ROBBERY OF PERSONAL PROPERTY,Barnet,41\n");
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < chunk.Length; i++) chunk[i] = row[i % row.Length];
            try
            {
                for (var sent = 0L; sent < _fileBytes; sent += chunk.Length)
                    await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, _fileBytes - sent)));
                await stream.WriteAsync(_tail);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server may answer (and stop reading) before the whole body is sent, as a real one does.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _head.Length + _fileBytes + _tail.Length;
            return true;
        }
    }

    [Fact]
    public async Task Only_analysts_may_import_managers_see_no_link_and_are_refused()
    {
        foreach (var who in new[] { "team-manager", "senior-manager", "practitioner", "administrator" })
        {
            var client = await App.SignedInAsync(who);
            var response = await client.GetAsync("/insights/imports", Ct);
            var location = response.Headers.Location?.OriginalString ?? "";
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/access-denied")),
                $"{who}: {response.StatusCode} {location}");
        }
        var manager = await App.SignedInAsync("senior-manager");
        var insights = await manager.GetDocumentAsync("/insights");
        Assert.Null(insights.GetElementById("imports-link"));
    }
}

public sealed class ImportPagesTests_Sqlite(SqliteApp fixture) : ImportPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class ImportPagesTests_Postgres(PostgresApp fixture) : ImportPagesTests(fixture), IClassFixture<PostgresApp>;
