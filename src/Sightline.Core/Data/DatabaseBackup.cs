using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sightline.Core.Audit;

namespace Sightline.Core.Data;

/// <summary><c>Backup:PgBin</c>: the folder of pg_dump and pg_restore, when not the server's own version under /usr/lib/postgresql.</summary>
public sealed class BackupOptions
{
    public string? PgBin { get; set; }
}

/// <summary>What a backup or a restore did, for the operator (no personal data).</summary>
public sealed record BackupReport(bool Succeeded, string Message, string? Sha256 = null, long Bytes = 0, int People = 0, long AuditEntries = 0);

/// <summary>
/// <c>./sightline backup PATH</c> and <c>./sightline restore PATH</c>.
/// <para>SQLite: the backup is SQLite's online backup API into a new file (a consistent snapshot taken while the app
/// serves), checked (integrity check, audit chain) before it is put in place. A restore checks the file the same way,
/// then copies it into the configured database through the same API (under SQLite's own locks), migrates it forward
/// if it came from an older version, and verifies the chain again.</para>
/// <para>PostgreSQL: <c>pg_dump --format=custom</c> and <c>pg_restore --clean --single-transaction</c> from the
/// server's own major version's binaries (or <c>Backup:PgBin</c>); the restored database is migrated and verified the same way.</para>
/// A restore never overwrites a database that holds people or users unless asked to (<c>--replace</c>).
/// </summary>
public sealed class DatabaseBackup(SightlineDb db, DatabaseSettings settings, DatabaseMigrator migrator, AuditQueries audit, Microsoft.Extensions.Options.IOptions<BackupOptions> options)
{
    public async Task<BackupReport> BackupAsync(string path, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(path);
        if (File.Exists(target)) return Fail($"{target} already exists: choose a new file name, so no backup is overwritten.");
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder)) return Fail($"There is no folder {folder}.");
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                await using (var source = new SqliteConnection(settings.ConnectionString))
                await using (var copy = new SqliteConnection(FileConnection(partial, SqliteOpenMode.ReadWriteCreate)))
                {
                    await source.OpenAsync(cancellationToken);
                    await copy.OpenAsync(cancellationToken);
                    source.BackupDatabase(copy);
                }
                var check = await CheckSqliteFileAsync(partial, cancellationToken);
                if (!check.Succeeded) return check;
                File.Move(partial, target);
                return check with { Message = $"Backup written to {target}: {check.People:N0} people, {check.AuditEntries:N0} audit entries, chain intact.", Sha256 = Sha256Of(target), Bytes = new FileInfo(target).Length };
            }

            var bin = await PgBinAsync(cancellationToken);
            var (exit, error) = await RunPgAsync(Path.Combine(bin, "pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", $"--file={partial}"], cancellationToken);
            if (exit != 0) return Fail($"pg_dump failed: {error}");
            (exit, error) = await RunPgAsync(Path.Combine(bin, "pg_restore"), ["--list", partial], cancellationToken);
            if (exit != 0) return Fail($"The dump could not be read back: {error}");
            File.Move(partial, target);
            var (people, entries) = await CountsAsync(db, cancellationToken);
            return new BackupReport(true, $"Backup written to {target} (pg_dump custom format): {people:N0} people, {entries:N0} audit entries at the time of the dump.",
                Sha256Of(target), new FileInfo(target).Length, people, entries);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public async Task<BackupReport> RestoreAsync(string path, bool replace, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(path);
        if (!File.Exists(source)) return Fail($"There is no file {source}.");
        if (!replace && await HoldsDataAsync(cancellationToken))
            return Fail("The database already holds people or users. Back it up first, then restore with --replace to overwrite it.");

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var check = await CheckSqliteFileAsync(source, cancellationToken);
            if (!check.Succeeded) return check;
            await using (var backup = new SqliteConnection(FileConnection(source, SqliteOpenMode.ReadOnly)))
            await using (var live = new SqliteConnection(settings.ConnectionString))
            {
                await backup.OpenAsync(cancellationToken);
                await live.OpenAsync(cancellationToken);
                backup.BackupDatabase(live);
            }
            SqliteConnection.ClearAllPools();
        }
        else
        {
            var bin = await PgBinAsync(cancellationToken);
            var (listExit, listError) = await RunPgAsync(Path.Combine(bin, "pg_restore"), ["--list", source], cancellationToken);
            if (listExit != 0) return Fail($"{Path.GetFileName(source)} is not a readable pg_dump custom-format file: {listError}");
            // One transaction: a failed restore leaves the database as it was.
            var database = new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database!;
            var (exit, error) = await RunPgAsync(Path.Combine(bin, "pg_restore"),
                ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", $"--dbname={database}", source], cancellationToken);
            if (exit != 0) return Fail($"pg_restore failed (the transaction was rolled back): {error}");
            NpgsqlConnection.ClearAllPools();
        }

        db.ChangeTracker.Clear();
        var migrated = await migrator.MigrateAsync(cancellationToken);
        var (intact, count, fault) = await audit.VerifyAsync(cancellationToken);
        if (!intact) return Fail($"Restored, but the audit chain does not verify after {count:N0} entries: {fault}");
        var (people, entries) = await CountsAsync(db, cancellationToken);
        db.Audit?.Record(AuditAction.Administer, "database", null, null, new { restoredFrom = Path.GetFileName(source), sha256 = Sha256Of(source) });
        await db.SaveChangesAsync(cancellationToken);
        var upgraded = migrated.Count == 0 ? "" : $" Upgraded by {migrated.Count} migration(s).";
        return new BackupReport(true, $"Restored {Path.GetFileName(source)}: {people:N0} people, {entries:N0} audit entries, chain intact.{upgraded}",
            Sha256Of(source), new FileInfo(source).Length, people, entries);
    }

    /// <summary>Opens a SQLite backup read-only and checks it is whole: SQLite's integrity check, Sightline's tables, the audit chain.</summary>
    private static async Task<BackupReport> CheckSqliteFileAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using (var connection = new SqliteConnection(FileConnection(file, SqliteOpenMode.ReadOnly)))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA integrity_check";
                var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
                if (result != "ok") return Fail($"{Path.GetFileName(file)} is damaged: {result}");
                command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__migrations', 'People', 'AuditEntries')";
                if (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken)) != 3) return Fail($"{Path.GetFileName(file)} is not a Sightline database.");
            }
            var options = new DbContextOptionsBuilder<SightlineDb>();
            new DatabaseSettings(DatabaseProvider.Sqlite, FileConnection(file, SqliteOpenMode.ReadOnly)).Configure(options);
            await using var copy = new SightlineDb(options.Options);
            var (intact, count, fault) = await new AuditQueries(copy).VerifyAsync(cancellationToken);
            if (!intact) return Fail($"The audit chain in {Path.GetFileName(file)} does not verify after {count:N0} entries: {fault}");
            var (people, entries) = await CountsAsync(copy, cancellationToken);
            return new BackupReport(true, "ok", People: people, AuditEntries: entries);
        }
        catch (SqliteException ex)
        {
            return Fail($"{Path.GetFileName(file)} is not a readable SQLite database: {ex.Message}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<(int People, long AuditEntries)> CountsAsync(SightlineDb context, CancellationToken cancellationToken) =>
        (await context.People.CountAsync(cancellationToken), await context.AuditEntries.LongCountAsync(cancellationToken));

    private async Task<bool> HoldsDataAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await db.People.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or PostgresException)
        {
            return false; // not migrated yet: nothing to lose
        }
    }

    private static string FileConnection(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();

    private static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The client binaries of the server's own major version (a newer pg_dump writes what an older pg_restore cannot read).</summary>
    private async Task<string> PgBinAsync(CancellationToken cancellationToken)
    {
        if (options.Value.PgBin is { Length: > 0 } configured) return configured;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
        var major = int.Parse(((NpgsqlConnection)connection).ServerVersion.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
        var versioned = $"/usr/lib/postgresql/{major}/bin";
        return Directory.Exists(versioned) ? versioned : ""; // empty: from PATH
    }

    /// <summary>Runs a PostgreSQL client tool with the connection in libpq's environment variables (so the password is never on a command line).</summary>
    private async Task<(int Exit, string Error)> RunPgAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var b = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var start = new ProcessStartInfo(File.Exists(tool) ? tool : Path.GetFileName(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGHOST"] = b.Host;
        start.Environment["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = b.Database;
        if (b.Username is { } user) start.Environment["PGUSER"] = user;
        if (b.Password is { } password) start.Environment["PGPASSWORD"] = password;
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            await stdout;
            return (process.ExitCode, (await stderr).Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (127, $"{Path.GetFileName(tool)} was not found ({ex.Message}). Install the PostgreSQL client or set Backup:PgBin.");
        }
    }

    private static BackupReport Fail(string message) => new(false, message);
}
