using Microsoft.EntityFrameworkCore;
using Sightline.TestKit;

namespace Sightline.Web.Tests;

/// <summary>The operator's commands, run in the app's own container as ./sightline runs them.</summary>
public abstract class CommandsTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Exit, string[] Lines)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await Commands.RunAsync(App.Services, args, output, Ct);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task An_operator_bootstraps_an_agency_a_user_and_an_api_token()
    {
        var agency = $"Housing {Guid.NewGuid():N}"[..20];
        Assert.Equal(0, (await RunAsync("agency", "create", "--name", agency)).Exit);
        var created = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "agency" && e.Details!.Contains(agency)).SingleAsync(Ct));
        Assert.Equal(("system", "local"), (created.UserEmail, created.IpAddress));
        var email = $"ops-{Guid.NewGuid():N}@test.example";
        var (userExit, userLines) = await RunAsync("user", "create", "--email", email, "--name", "Olu Operator", "--agency", agency, "--role", "team-manager");
        Assert.Equal(0, userExit);
        var password = userLines[^1];
        Assert.True(password.Length >= 12);
        var (tokenExit, tokenLines) = await RunAsync("api-token", "create", "--user", email);
        Assert.Equal(0, tokenExit);
        var token = tokenLines[^1];
        Assert.StartsWith("sl_", token);

        var stored = await App.WithDbAsync(db => db.ApiTokens.Where(t => t.User!.Email == email).Select(t => t.TokenHash).SingleAsync(Ct));
        Assert.NotEqual(token, stored);
        Assert.Equal(Sightline.Core.Access.UserAdministration.HashToken(token), stored);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/people?q=a", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("user", "create", "--email", "x@test.example", "--name", "X", "--agency", "No Such Agency", "--role", "practitioner")]
    [InlineData("user", "create", "--email", "x@test.example", "--name", "X", "--agency", "Police", "--role", "overlord")]
    [InlineData("api-token", "create", "--user", "nobody@test.example")]
    [InlineData("agency", "create")]
    [InlineData("no-such-command")]
    [InlineData("demo", "generate")]
    [InlineData("demo", "generate", "--people", "10", "--audit", "lots")]
    [InlineData("demo", "generate", "--people", "10", "--partnerships", "40")]
    [InlineData("demo", "generate", "--people", "10", "--colour", "3")]
    [InlineData("demo", "generate", "--people", "10")] // the app's database is not empty
    public async Task Bad_commands_fail_with_a_message(params string[] args)
    {
        var (exit, lines) = await RunAsync(args);
        Assert.NotEqual(0, exit);
        Assert.NotEmpty(lines);
    }

    [Fact]
    public async Task Backup_writes_a_checked_file_once_and_restore_refuses_to_overwrite_live_data()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-backup-").FullName;
        try
        {
            var file = Path.Combine(folder, "live.backup");
            var (exit, lines) = await RunAsync("backup", file);
            Assert.True(exit == 0, string.Join('\n', lines));
            Assert.StartsWith("Backup written to", lines[0]);
            Assert.Matches("^SHA-256 [0-9a-f]{64} ", lines[^1]);
            Assert.True(new FileInfo(file).Length > 0);

            Assert.Equal(1, (await RunAsync("backup", file)).Exit);
            var (restoreExit, restoreLines) = await RunAsync("restore", file);
            Assert.Equal(1, restoreExit);
            Assert.Contains("--replace", restoreLines[^1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Importing_a_file_that_is_not_there_says_so_and_fails()
    {
        var (exit, lines) = await RunAsync("import", "mps-borough", "/no/such/folder/crime.csv");
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.Contains("refused, nothing imported") && l.Contains("There is no file '/no/such/folder/crime.csv'"));
        var (noFileExit, noFileLines) = await RunAsync("import", "population");
        Assert.Equal(1, noFileExit);
        Assert.Contains("Give the file(s) to import", noFileLines[^1]);
        var (policeExit, policeLines) = await RunAsync("import", "police-uk", "/no/such/folder");
        Assert.Equal(1, policeExit);
        Assert.Contains(policeLines, l => l.Contains("refused, nothing imported") && l.Contains("There is no file or folder '/no/such/folder'"));
    }

    [Fact]
    public async Task Importing_partner_measures_prints_a_summary_with_the_rejected_rows()
    {
        var path = Path.Combine(Path.GetTempPath(), $"partner-measures-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "area,indicator,period,value\nEnfield,first-time-entrants,2016/17,42\nEnfield,first-time-entrants,2016/17x,1\n", Ct);
        var wrong = Path.Combine(Path.GetTempPath(), $"partner-measures-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(wrong, "borough,value\nEnfield,1\n", Ct);
        try
        {
            var (exit, lines) = await RunAsync("import", "indicators", path);
            Assert.Equal(0, exit);
            Assert.Contains(lines, l => l.Contains("2 rows read") && l.Contains("1 rows rejected"));
            Assert.Contains(lines, l => l.StartsWith("rejected: line 3:") && l.Contains("'2016/17x' is not a period"));
            var (wrongExit, wrongLines) = await RunAsync("import", "indicators", wrong);
            Assert.Equal(1, wrongExit);
            Assert.Contains(wrongLines, l => l.Contains("refused, nothing imported") && l.Contains("area,indicator,period,value"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(wrong);
        }
    }

    [Fact]
    public async Task Audit_verify_passes_on_an_intact_trail_and_fails_after_tampering()
    {
        await App.ApiClientFor("practitioner").GetAsync("/api/v1/people?q=verify", Ct);
        var (ok, lines) = await RunAsync("audit", "verify");
        Assert.Equal(0, ok);
        Assert.Contains("intact", lines[^1]);

        var sequence = await App.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence, Ct));
        var original = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Sequence == sequence).Select(e => e.Details).SingleAsync(Ct));
        await App.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"Details\" = 'tampered' WHERE \"Sequence\" = {sequence}", Ct));
        try
        {
            var (broken, brokenLines) = await RunAsync("audit", "verify");
            Assert.NotEqual(0, broken);
            Assert.Contains($"entry {sequence} has been altered", brokenLines[^1]);
        }
        finally
        {
            // Put it back for the other tests sharing this database.
            await App.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"Details\" = {original} WHERE \"Sequence\" = {sequence}", Ct));
        }
        Assert.Equal(0, (await RunAsync("audit", "verify")).Exit);
    }
}

public sealed class CommandsTests_Sqlite(SqliteApp fixture) : CommandsTests(fixture), IClassFixture<SqliteApp>;

public sealed class CommandsTests_Postgres(PostgresApp fixture) : CommandsTests(fixture), IClassFixture<PostgresApp>;
