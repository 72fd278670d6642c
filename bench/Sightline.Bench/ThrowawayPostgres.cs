using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Sightline.Bench;

/// <summary>
/// A PostgreSQL 15 server just for this run: initdb into <c>folder</c>, listening only on 127.0.0.1 on
/// a free port, stopped and deleted afterwards. Like tests/Sightline.TestKit/PostgresServer.cs, but
/// with PostgreSQL's default durability (fsync and synchronous_commit on), because the audit write
/// on every record view is part of what is measured. As root it runs as the <c>postgres</c> OS user.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string _data;
    private readonly bool _asRoot;

    public string ConnectionString { get; }
    public string Version { get; private set; } = "PostgreSQL 15";

    private ThrowawayPostgres(string data, bool asRoot, string connectionString)
    {
        _data = data;
        _asRoot = asRoot;
        ConnectionString = connectionString;
    }

    public static async Task<ThrowawayPostgres> StartAsync(string folder, int maxConnections, IReadOnlyList<string> settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
            throw new InvalidOperationException($"PostgreSQL 15 is not installed in {BinDirectory} (apt-get install postgresql-15, or run ./sightline test once).");
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["postgres:postgres", folder], cancellationToken);
        var data = Path.Combine(folder, "data");
        await RunPgAsync(asRoot, "initdb", ["-D", data, "-U", "sightline", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], cancellationToken);
        var port = FreePort();
        await RunPgAsync(asRoot, "pg_ctl", ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections={maxConnections}{string.Concat(settings.Select(s => " -c " + s))}", "start"], cancellationToken);
        var admin = $"Host=127.0.0.1;Port={port};Username=sightline;Database=postgres;Pooling=false";
        var server = new ThrowawayPostgres(data, asRoot, new NpgsqlConnectionStringBuilder(admin) { Database = "sightline", Pooling = true, MaxPoolSize = 100 }.ConnectionString);
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(cancellationToken);
            await using (var create = new NpgsqlCommand("CREATE DATABASE sightline", connection)) await create.ExecuteNonQueryAsync(cancellationToken);
            await using var version = new NpgsqlCommand("SHOW server_version", connection);
            server.Version = "PostgreSQL " + await version.ExecuteScalarAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>What autovacuum would long since have done on a live database: fresh statistics and visibility map after the bulk load.</summary>
    public async Task VacuumAnalyzeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
        NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>The postmaster's process id (first line of postmaster.pid), or null when it cannot be read.</summary>
    public int? ServerProcessId()
    {
        try
        {
            return int.TryParse(File.ReadLines(Path.Combine(_data, "postmaster.pid")).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPgAsync(_asRoot, "pg_ctl", ["-D", _data, "-m", "fast", "-w", "stop"], CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"Stopping PostgreSQL: {ex.Message}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunPgAsync(bool asRoot, string tool, string[] args, CancellationToken cancellationToken)
    {
        var path = Path.Combine(BinDirectory, tool);
        return asRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args], cancellationToken) : RunAsync(path, args, cancellationToken);
    }

    private static async Task RunAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        var (exit, output) = await SightlineApp.RunAsync(file, args, "/tmp", new Dictionary<string, string>(), TimeSpan.FromMinutes(2), cancellationToken);
        if (exit != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({exit}): {output}");
    }
}
