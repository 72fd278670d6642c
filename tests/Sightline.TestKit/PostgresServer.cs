using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Sightline.TestKit;

/// <summary>
/// A throwaway PostgreSQL 15 server for the test run: initdb into a temporary directory and
/// listen on 127.0.0.1 on a free port. As root (CI), it runs as the <c>postgres</c> OS user,
/// because initdb refuses root. Set <c>SIGHTLINE_TEST_POSTGRES</c> to a connection string to use
/// an existing server instead. Each test database is created fresh and dropped afterwards.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "SIGHTLINE_TEST_POSTGRES";
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string? _dataDirectory;
    private readonly string _adminConnectionString;
    private readonly string? _startOptions;

    private PostgresServer(string adminConnectionString, string? dataDirectory, string? startOptions = null)
    {
        _adminConnectionString = adminConnectionString;
        _dataDirectory = dataDirectory;
        _startOptions = startOptions;
    }

    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>The one server for this test process, started on first use and stopped at exit.</summary>
    public static async Task<PostgresServer> SharedAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            if (_shared is not null) return _shared;
            var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
            _shared = string.IsNullOrWhiteSpace(external) ? await StartPrivateAsync(durableCommits: false) : new PostgresServer(external, null);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared?.StopServer();
            return _shared;
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>
    /// A server of the caller's own, for tests that stop and start it (the database going away):
    /// never the shared one, and never <see cref="EnvironmentVariable"/>'s. Dispose it to remove it.
    /// </summary>
    /// <param name="durableCommits">
    /// Off only for the shared server, which is never stopped: with <c>synchronous_commit=off</c> a commit is
    /// acknowledged before its WAL is written, so an immediate stop (an outage) could lose what a test just saved.
    /// </param>
    public static async Task<PostgresServer> StartPrivateAsync(bool durableCommits = true)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}); run ./sightline test, which installs it, or set {EnvironmentVariable}.");
        var directory = Path.Combine(Path.GetTempPath(), "sightline-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        if (AsRoot) Run("chown", $"postgres:postgres {directory}");
        var data = Path.Combine(directory, "data");
        RunPg("initdb", $"-D {data} -U sightline --auth=trust --encoding=UTF8 --locale=C.UTF-8 -N");
        var port = FreePort();
        var options = $"-D {data} -l {directory}/server.log -w -t 60 -o \"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off{(durableCommits ? "" : " -c synchronous_commit=off")} -c full_page_writes=off -c max_connections=300\"";
        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=sightline;Database=postgres;Pooling=false", data, options);
        server.Start();
        await using var connection = new NpgsqlConnection(server._adminConnectionString);
        await connection.OpenAsync();
        return server;
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = "sl_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        var builder = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true, MaxPoolSize = 40 };
        return builder.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private void Start() => RunPg("pg_ctl", $"{_startOptions} start");

    /// <summary>Stops a private server as an outage would: every connection dropped at once.</summary>
    public void Stop()
    {
        if (_startOptions is null || this == _shared) throw new InvalidOperationException("Only a private server may be stopped.");
        RunPg("pg_ctl", $"-D {_dataDirectory} -m immediate -w stop");
    }

    /// <summary>Starts a stopped private server again on the same port, with its data as it was.</summary>
    public void Restart()
    {
        if (_startOptions is null || this == _shared) throw new InvalidOperationException("Only a private server may be restarted.");
        Start();
    }

    private void StopServer()
    {
        if (_dataDirectory is null) return;
        try
        {
            RunPg("pg_ctl", $"-D {_dataDirectory} -m immediate -w stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped (a test stopped it); the files still go.
        }
        try
        {
            Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true);
        }
        catch
        {
            // Best effort at exit: a leftover temp directory is harmless.
        }
    }

    public ValueTask DisposeAsync()
    {
        StopServer();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunPg(string tool, string arguments)
    {
        var path = Path.Combine(BinDirectory, tool);
        if (AsRoot) Run("runuser", $"-u postgres -- {path} {arguments}");
        else Run(path, arguments);
    }

    private static void Run(string file, string arguments)
    {
        var info = new ProcessStartInfo("/bin/sh", ["-c", $"{file} {arguments}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp",
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }
}
