using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Core.Demo;

namespace Sightline.TestKit;

/// <summary>
/// The real web app in memory over a fresh database of the chosen provider, migrated, with a small
/// known partnership: two agencies, one user of every role in the first, a practitioner in the
/// second, and API tokens for each. Log output is captured so tests can check for personal data.
/// </summary>
public sealed class SightlineFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct-horse-battery-7";
    public TestDatabase Database { get; }
    public CapturedLogs Logs { get; } = new();
    public Dictionary<string, SightlineUser> Users { get; } = new();
    public Dictionary<string, string> Tokens { get; } = new();
    public Agency SocialCare { get; private set; } = null!;
    public Agency Police { get; private set; } = null!;

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;

    private SightlineFactory(TestDatabase database, Dictionary<string, string?>? settings, bool ownsDatabase = true)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string?>(database.Configuration)
        {
            // Every test client shares one address in memory; tests of the limit itself pass a low one.
            ["SignIn:AttemptsPerMinute"] = "100000",
            // Tests that count notifications must not race the reminder job; RhiReminderTests turns it on.
            ["Missing:Reminders"] = "false",
            ["Panels:Reminders"] = "false",
        };
        foreach (var (key, value) in settings ?? []) _settings[key] = value;
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public static async Task<SightlineFactory> StartAsync(DatabaseProvider provider, Dictionary<string, string?>? settings = null) =>
        await StartAsync(await TestDatabase.CreateAsync(provider), settings);

    /// <summary>The app over a database the caller made (e.g. on a PostgreSQL server of its own); disposing the app removes it.</summary>
    public static async Task<SightlineFactory> StartAsync(TestDatabase database, Dictionary<string, string?>? settings = null)
    {
        var factory = new SightlineFactory(database, settings);
        await factory.PrepareAsync();
        return factory;
    }

    /// <summary>
    /// A second instance of the app over this one's database, as a second machine behind a load
    /// balancer would be: its own services, caches and background jobs, nothing shared in memory.
    /// It knows the same users and tokens; disposing it leaves the database to this instance.
    /// </summary>
    public SightlineFactory AnotherInstance(Dictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in settings ?? []) merged[key] = value;
        var other = new SightlineFactory(Database, merged, ownsDatabase: false) { SocialCare = SocialCare, Police = Police };
        foreach (var (key, user) in Users) other.Users[key] = user;
        foreach (var (key, token) in Tokens) other.Tokens[key] = token;
        return other;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.SetMinimumLevel(LogLevel.Debug);
        });
    }

    /// <summary>Migrates and adds the known partnership. The roles are keyed by their API names.</summary>
    private async Task PrepareAsync()
    {
        using var scope = Services.CreateScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var admin = provider.GetRequiredService<UserAdministration>();
        SocialCare = (await admin.CreateAgencyAsync("Children's Social Care", AgencyKind.ChildrensSocialCare)).Value!;
        Police = (await admin.CreateAgencyAsync("Police", AgencyKind.Police)).Value!;
        var users = provider.GetRequiredService<UserManager<SightlineUser>>();
        foreach (var role in Roles.All)
            await AddUserAsync(admin, users, role.Key(), role, SocialCare);
        await AddUserAsync(admin, users, "police-practitioner", Role.Practitioner, Police);
        await AddUserAsync(admin, users, "second-practitioner", Role.Practitioner, SocialCare);
    }

    /// <summary>Adds a user (with an API token) for a test that needs more people than the standard set, e.g. a second police officer.</summary>
    public async Task AddUserAsync(string key, Role role, Agency agency)
    {
        using var scope = Services.CreateScope();
        await AddUserAsync(scope.ServiceProvider.GetRequiredService<UserAdministration>(), scope.ServiceProvider.GetRequiredService<UserManager<SightlineUser>>(), key, role, agency);
    }

    private async Task AddUserAsync(UserAdministration admin, UserManager<SightlineUser> users, string key, Role role, Agency agency)
    {
        var created = (await admin.CreateUserAsync($"{key}@test.example", $"Test {key}", null, agency.Id, role)).Value!;
        var user = created.User;
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, Password);
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        Users[key] = user;
        Tokens[key] = (await admin.CreateApiTokenAsync(user.Email)).Value!.Secret;
    }

    /// <summary>An HTTP client sending the API token of the user with this key (e.g. "practitioner").</summary>
    public HttpClient ApiClientFor(string userKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[userKey]);
        return client;
    }

    public async Task WithDbAsync(Func<SightlineDb, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<SightlineDb>());
    }

    public async Task<T> WithDbAsync<T>(Func<SightlineDb, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<SightlineDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
    }
}

/// <summary>Keeps every log message written during a test run, to prove none carries personal data.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();
    public IReadOnlyCollection<string> Lines => _lines;
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);
    public void Dispose() { }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>One app per provider per test class: subclass tests as <c>X_Sqlite</c> and <c>X_Postgres</c>.</summary>
public abstract class AppFixture(DatabaseProvider provider) : Xunit.IAsyncLifetime
{
    public DatabaseProvider Provider { get; } = provider;
    public SightlineFactory App { get; private set; } = null!;
    public async ValueTask InitializeAsync() => App = await SightlineFactory.StartAsync(Provider);
    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteApp() : AppFixture(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : AppFixture(DatabaseProvider.Postgres);
