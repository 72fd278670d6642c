using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sightline.Core.Data;

namespace Sightline.TestKit;

/// <summary>A fresh, empty database of either provider, removed when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly PostgresServer? _server;
    private readonly string? _file;

    private TestDatabase(DatabaseProvider provider, string connectionString, PostgresServer? server, string? file)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _server = server;
        _file = file;
    }

    /// <summary>A fresh database; on PostgreSQL, on <paramref name="server"/> if given, else the shared test server.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, PostgresServer? server = null)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            server ??= await PostgresServer.SharedAsync();
            return new TestDatabase(provider, await server.CreateDatabaseAsync(), server, null);
        }
        var file = Path.Combine(Path.GetTempPath(), $"sightline-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(provider, $"Data Source={file};Pooling=false", null, file);
    }

    public DatabaseSettings Settings => new(Provider, ConnectionString);

    /// <summary>Configuration keys the app reads, for a WebApplicationFactory or a command.</summary>
    public Dictionary<string, string?> Configuration => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Sightline"] = ConnectionString,
        ["Database:MigrateOnStart"] = "false",
        ["Demo:Enabled"] = "false",
    };

    public IConfiguration AsConfiguration() => new ConfigurationBuilder().AddInMemoryCollection(Configuration).Build();

    public SightlineDb NewContext(Sightline.Core.Audit.AuditTrail? audit = null)
    {
        var options = new DbContextOptionsBuilder<SightlineDb>();
        Settings.Configure(options);
        return new SightlineDb(options.Options, audit);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DropDatabaseAsync(ConnectionString);
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
                if (File.Exists(path)) File.Delete(path);
        }
    }
}
