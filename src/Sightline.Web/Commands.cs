using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Demo;
using Sightline.Core.Performance;

namespace Sightline.Web;

/// <summary>
/// The operator's commands (<c>./sightline migrate</c>, <c>user create</c>, …). Each runs in the
/// same container as the web app, so it uses exactly the same configuration and rules.
/// The last line printed is the one scripts read (a password, a token).
/// </summary>
public static class Commands
{
    public const string Usage = """
        Usage: ./sightline COMMAND [OPTIONS]

          serve [--urls URL]                       run the web app (default http://localhost:5080)
          migrate                                  create or upgrade the database, nothing else
          agency create --name NAME [--kind KIND]  add a partner agency
          team create --agency NAME --name NAME    add a team to an agency
          user create --email EMAIL --name NAME --agency NAME --role ROLE [--team NAME]
                                                   add a user; prints a one-time password last
                                                   roles: administrator, practitioner, team-manager, senior-manager, analyst
          api-token create --user EMAIL            issue an API token; prints it last
          audit verify                             check the audit trail's hash chain (exit 0 only if intact)
          backup PATH                              write a consistent backup while the app runs (SQLite: a checked
                                                   copy; PostgreSQL: pg_dump custom format) to a new file
          restore PATH [--replace]                 restore a backup into the configured database, migrate it forward
                                                   and verify the audit chain (--replace to overwrite data)
          import mps-borough FILE...               import MPS borough-level crime files (wide, one column per month)
          import population FILE [--year YYYY]     import ONS population by age, or GLA borough profiles (households)
          import police-uk PATH...                 import police.uk street-level CSVs (files or folders, any force)
          import indicators FILE...                import partner measures (CSV: area,indicator,period,value)
          demo seed                                add the synthetic demo partnership to an empty database
          demo add-people --people N [--seed S]    add N more synthetic young people (for benchmarks)
          demo generate --people N [--seed S] [--flags N] [--seams N] [--missing N] [--users N]
                        [--partnerships N] [--audit N] [--today YYYY-MM-DD]
                                                   fill an empty, migrated database at London scale, fast
                                                   (defaults scale with --people: 500000 gives 1M flags, 300k
                                                   SEAM assessments, 2M missing episodes, 20k users in 33
                                                   partnerships, 10M audit entries); synthetic, deterministic
          test                                     run every test (see README)
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is not "serve" && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var options = Options(args);
        var words = args.TakeWhile(a => !a.StartsWith("--")).ToArray();
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        try
        {
            switch (words)
            {
                case ["migrate"]:
                {
                    var applied = await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
                    output.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", applied)}");
                    return 0;
                }
                case ["agency", "create"]:
                {
                    var kind = AgencyKind.Other;
                    if (options.TryGetValue("kind", out var kindText) && !Enum.TryParse(kindText.Replace("-", ""), true, out kind))
                        return Fail(output, $"Unknown agency kind '{kindText}'. Use one of: {string.Join(", ", Enum.GetNames<AgencyKind>())}");
                    var outcome = await provider.GetRequiredService<UserAdministration>().CreateAgencyAsync(options.GetValueOrDefault("name"), kind, cancellationToken);
                    if (!outcome.Succeeded) return Fail(output, outcome.Errors!);
                    output.WriteLine($"Created agency {outcome.Value!.Name}");
                    output.WriteLine(outcome.Value.Id);
                    return 0;
                }
                case ["team", "create"]:
                {
                    var db = provider.GetRequiredService<SightlineDb>();
                    var agencyName = options.GetValueOrDefault("agency") ?? "";
                    var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Name == agencyName, cancellationToken);
                    if (agency is null) return Fail(output, $"There is no agency called {agencyName}");
                    var outcome = await provider.GetRequiredService<UserAdministration>().CreateTeamAsync(agency.Id, options.GetValueOrDefault("name"), cancellationToken);
                    if (!outcome.Succeeded) return Fail(output, outcome.Errors!);
                    output.WriteLine($"Created team {outcome.Value!.Name} in {agency.Name}");
                    output.WriteLine(outcome.Value.Id);
                    return 0;
                }
                case ["user", "create"]:
                {
                    Role? role = Roles.TryParse(options.GetValueOrDefault("role"), out var r) ? r : null;
                    Guid? teamId = null;
                    if (options.TryGetValue("team", out var teamName))
                    {
                        var db = provider.GetRequiredService<SightlineDb>();
                        teamId = await db.Teams.Where(t => t.Name == teamName && t.Agency!.Name == options.GetValueOrDefault("agency")).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
                        if (teamId is null) return Fail(output, $"There is no team called {teamName} in that agency");
                    }
                    var outcome = await provider.GetRequiredService<UserAdministration>().CreateUserAsync(
                        options.GetValueOrDefault("email"), options.GetValueOrDefault("name"), options.GetValueOrDefault("agency"), null, role, teamId, cancellationToken);
                    if (!outcome.Succeeded) return Fail(output, outcome.Errors!);
                    output.WriteLine($"Created {outcome.Value!.User.Role.Key()} {outcome.Value.User.Email}. They must change this one-time password when they first sign in:");
                    output.WriteLine(outcome.Value.OneTimePassword);
                    return 0;
                }
                case ["api-token", "create"]:
                {
                    var outcome = await provider.GetRequiredService<UserAdministration>().CreateApiTokenAsync(options.GetValueOrDefault("user"), cancellationToken);
                    if (!outcome.Succeeded) return Fail(output, outcome.Errors!);
                    output.WriteLine("API token created. It is shown only once; send it as 'Authorization: Bearer <token>':");
                    output.WriteLine(outcome.Value!.Secret);
                    return 0;
                }
                case ["audit", "verify"]:
                {
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    var (intact, count, fault) = await provider.GetRequiredService<AuditQueries>().VerifyAsync(cancellationToken);
                    output.WriteLine(intact
                        ? $"Audit trail intact: {count:N0} entries verified in {started.Elapsed.TotalSeconds:N1}s."
                        : $"AUDIT TRAIL BROKEN after {count:N0} good entries: {fault}");
                    return intact ? 0 : 2;
                }
                case ["backup", var path]:
                {
                    var report = await provider.GetRequiredService<DatabaseBackup>().BackupAsync(path, cancellationToken);
                    output.WriteLine(report.Message);
                    if (report.Sha256 is { } sha) output.WriteLine($"SHA-256 {sha} ({report.Bytes:N0} bytes)");
                    return report.Succeeded ? 0 : 1;
                }
                case ["restore", var path]:
                {
                    var report = await provider.GetRequiredService<DatabaseBackup>().RestoreAsync(path, options.ContainsKey("replace"), cancellationToken);
                    output.WriteLine(report.Message);
                    return report.Succeeded ? 0 : 1;
                }
                case ["import", "mps-borough" or "population" or "indicators", ..]:
                {
                    var kind = words[1];
                    var files = words[2..];
                    if (files.Length == 0) return Fail(output, $"Give the file(s) to import: ./sightline import {kind} FILE...");
                    int? year = null;
                    if (options.TryGetValue("year", out var yearText))
                    {
                        if (!int.TryParse(yearText, out var y) || y is < 1900 or > 2200) return Fail(output, $"'{yearText}' is not a year");
                        year = y;
                    }
                    var imports = provider.GetRequiredService<PerformanceImports>();
                    var exit = 0;
                    foreach (var file in files)
                    {
                        output.WriteLine($"Importing {file} ({kind})…");
                        var outcome = kind switch
                        {
                            "mps-borough" => await imports.ImportMpsBoroughAsync(file, new SyncProgress(output), cancellationToken),
                            "indicators" => await imports.ImportIndicatorsAsync(file, new SyncProgress(output), cancellationToken),
                            _ => await imports.ImportPopulationAsync(file, year, new SyncProgress(output), cancellationToken),
                        };
                        output.WriteLine(outcome.Describe());
                        if (!outcome.Succeeded) exit = 1;
                    }
                    return exit;
                }
                case ["import", "police-uk", ..]:
                {
                    var paths = words[2..];
                    if (paths.Length == 0) return Fail(output, "Give the file(s) or folder(s) to import: ./sightline import police-uk PATH...");
                    output.WriteLine($"Importing {string.Join(", ", paths)} (police-uk)…");
                    var outcome = await provider.GetRequiredService<PerformanceImports>().ImportPoliceUkAsync(paths, new SyncProgress(output), cancellationToken);
                    output.WriteLine(outcome.Describe());
                    return outcome.Succeeded && outcome.FilesRefused == 0 ? 0 : 1;
                }
                case ["demo", "seed"]:
                {
                    var demo = provider.GetRequiredService<DemoPartnership>();
                    if (!await demo.IsEmptyAsync(cancellationToken)) return Fail(output, "The database is not empty: demo data is only added to an empty database.");
                    await demo.SeedAsync(int.TryParse(options.GetValueOrDefault("people"), out var n) ? n : 300, cancellationToken: cancellationToken);
                    output.WriteLine("Demo partnership added.");
                    var configuration = provider.GetRequiredService<IConfiguration>();
                    await Infrastructure.StartupDatabase.ImportDemoDashboardAsync(provider, configuration, provider.GetService<IHostEnvironment>()?.ContentRootPath, output.WriteLine, cancellationToken);
                    return 0;
                }
                case ["demo", "add-people"]:
                {
                    if (!int.TryParse(options.GetValueOrDefault("people"), out var count) || count < 1) return Fail(output, "Give --people N (a positive number)");
                    var seed = int.TryParse(options.GetValueOrDefault("seed"), out var s) ? s : 1;
                    var db = provider.GetRequiredService<SightlineDb>();
                    var agencies = await db.Agencies.ToListAsync(cancellationToken);
                    var creator = await db.Users.Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
                    if (agencies.Count == 0 || creator == Guid.Empty) return Fail(output, "Add the demo partnership first (./sightline demo seed).");
                    await provider.GetRequiredService<DemoPartnership>().AddPeopleAsync(agencies, creator, count, seed, cancellationToken);
                    output.WriteLine($"Added {count:N0} synthetic young people.");
                    return 0;
                }
                case ["demo", "generate"]:
                {
                    var (scale, problem) = LondonScaleOptionsFrom(options, provider.GetRequiredService<TimeProvider>().LondonToday());
                    if (scale is null) return Fail(output, problem!);
                    output.WriteLine($"Generating {scale.People:N0} people, {scale.Flags:N0} flags, {scale.Seams:N0} SEAM assessments, {scale.Missing:N0} missing episodes, " +
                                     $"{scale.Users:N0} users in {scale.Partnerships} partnerships and {scale.Audit:N0} audit entries (seed {scale.Seed}, as of {scale.Today:yyyy-MM-dd})…");
                    var report = await new LondonScale(provider.GetRequiredService<SightlineDb>()).GenerateAsync(scale, output.WriteLine, cancellationToken);
                    output.WriteLine($"Generated in {report.Took.TotalSeconds:N1} s; the audit chain now holds {report.AuditHead:N0} entries.");
                    var configuration = provider.GetRequiredService<IConfiguration>();
                    await Infrastructure.StartupDatabase.ImportDemoDashboardAsync(provider, configuration, provider.GetService<IHostEnvironment>()?.ContentRootPath, output.WriteLine, cancellationToken);
                    return 0;
                }
                default:
                    output.WriteLine(Usage);
                    return words.Length == 0 || words[0] is "help" ? 0 : 64;
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or ArgumentException or System.Data.Common.DbException)
        {
            return Fail(output, $"Failed: {ex.GetBaseException().Message}");
        }
    }

    /// <summary>The generator's numbers: --people is required, every other count defaults to London's proportions.</summary>
    private static (LondonScaleOptions? Options, string? Problem) LondonScaleOptionsFrom(Dictionary<string, string> options, DateOnly today)
    {
        if (!int.TryParse(options.GetValueOrDefault("people"), out var people) || people < 1) return (null, "Give --people N (a positive number)");
        if (options.TryGetValue("today", out var todayText) && !DateOnly.TryParseExact(todayText, "yyyy-MM-dd", out today)) return (null, $"'{todayText}' is not a date (YYYY-MM-DD)");
        var scale = LondonScaleOptions.ForPeople(people, today);
        foreach (var (name, value) in options)
        {
            if (name is "people" or "today") continue;
            if (!long.TryParse(value, out var n) || n < 0) return (null, $"--{name} takes a number, not '{value}'");
            scale = name switch
            {
                "seed" when n <= int.MaxValue => scale with { Seed = (int)n },
                "flags" => scale with { Flags = n },
                "seams" => scale with { Seams = n },
                "missing" => scale with { Missing = n },
                "users" when n <= int.MaxValue => scale with { Users = (int)n },
                "partnerships" when n <= int.MaxValue => scale with { Partnerships = (int)n },
                "audit" => scale with { Audit = n },
                _ => null,
            };
            if (scale is null) return (null, $"Unknown or out-of-range option --{name}");
        }
        return scale.Problem() is { } problem ? (null, problem) : (scale, null);
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--")) continue;
            var key = args[i][2..];
            var eq = key.IndexOf('=');
            if (eq > 0) options[key[..eq]] = key[(eq + 1)..];
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--")) options[key] = args[++i];
            else options[key] = "true";
        }
        return options;
    }

    /// <summary>Progress lines written as they come (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class SyncProgress(TextWriter output) : IProgress<int>
    {
        public void Report(int value) => output.WriteLine($"  {value:N0} rows read");
    }

    private static int Fail(TextWriter output, string message)
    {
        output.WriteLine(message);
        return 1;
    }

    private static int Fail(TextWriter output, Sightline.Core.ValidationErrors errors)
    {
        foreach (var (field, message) in errors.All) output.WriteLine($"{field}: {message}");
        return 1;
    }
}
