using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Sightline.Core.Performance;

/// <summary>
/// Writing the police.uk LSOA counts: tens of thousands of rows on a first import, so written in bulk
/// rather than one statement per row. New rows go in primary-key order (cheaper B-tree inserts than
/// dictionary order). PostgreSQL: binary COPY, so a few round trips for all of them; changed and vanished
/// rows are copied into a temporary table and applied with one UPDATE and one DELETE. SQLite (in process,
/// no round trips): a few thousand rows per statement, passed as one JSON parameter.
/// </summary>
public sealed partial class PerformanceImports
{
    /// <summary>Rows per SQLite INSERT (one JSON parameter of about 100 bytes a row).</summary>
    private const int SqliteLsoaRowsPerInsert = 5_000;

    private const string LsoaColumns = "\"Source\", \"LsoaCode\", \"LsoaName\", \"AreaId\", \"Month\", \"CrimeType\", \"Count\", \"ImportRunId\"";

    private async Task WriteLsoaCountsAsync(Guid runId, List<KeyValuePair<LsoaKey, int>> inserts, List<KeyValuePair<LsoaKey, int>> updates, List<LsoaKey> deletes, CancellationToken cancellationToken)
    {
        inserts.Sort((a, b) => CompareLsoaKeys(a.Key, b.Key));
        if (db.Database.IsNpgsql())
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await CopyLsoaCountsAsync(connection, runId, inserts, cancellationToken);
            await ApplyLsoaChangesAsync(connection, runId, updates, deletes, cancellationToken);
        }
        else
        {
            // A first import into an empty table: the secondary index is built once after the rows, not row by row.
            var rebuildIndex = inserts.Count >= 20_000 && SqliteScalar("SELECT NOT EXISTS (SELECT 1 FROM \"LsoaCrimeCounts\")") == 1;
            if (rebuildIndex) SqliteScalar("DROP INDEX \"IX_LsoaCrimeCounts_AreaId_Month\"");
            InsertLsoaCountsSqlite(runId, inserts);
            if (rebuildIndex) SqliteScalar("CREATE INDEX \"IX_LsoaCrimeCounts_AreaId_Month\" ON \"LsoaCrimeCounts\" (\"AreaId\", \"Month\")"); // as migration 0006
            ApplyLsoaChangesSqlite(runId, updates, deletes);
        }
    }

    private static int CompareLsoaKeys(LsoaKey a, LsoaKey b)
    {
        var by = string.CompareOrdinal(a.LsoaCode, b.LsoaCode);
        if (by == 0) by = string.CompareOrdinal(a.LsoaName, b.LsoaName);
        if (by == 0) by = a.Month.CompareTo(b.Month);
        return by != 0 ? by : string.CompareOrdinal(a.CrimeType, b.CrimeType);
    }

    private static async Task CopyLsoaCountsAsync(NpgsqlConnection connection, Guid runId, List<KeyValuePair<LsoaKey, int>> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        // COPY runs inside the import's transaction (the connection's open one), so it rolls back with it.
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"LsoaCrimeCounts\" ({LsoaColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (key, count) in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(PoliceUkSource, NpgsqlDbType.Varchar, cancellationToken);
            await WriteLsoaKeyAsync(copy, key, cancellationToken);
            await copy.WriteAsync(count, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(runId, NpgsqlDbType.Uuid, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteLsoaKeyAsync(NpgsqlBinaryImporter copy, LsoaKey key, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(key.LsoaCode, NpgsqlDbType.Varchar, cancellationToken);
        await copy.WriteAsync(key.LsoaName, NpgsqlDbType.Varchar, cancellationToken);
        await copy.WriteAsync(key.AreaId, NpgsqlDbType.Uuid, cancellationToken);
        await copy.WriteAsync(key.Month, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(key.CrimeType, NpgsqlDbType.Varchar, cancellationToken);
    }

    /// <summary>Changed counts (with their new count) and vanished ones (count null) copied into a temporary
    /// table, then applied set-based: two statements however many rows changed.</summary>
    private async Task ApplyLsoaChangesAsync(NpgsqlConnection connection, Guid runId, List<KeyValuePair<LsoaKey, int>> updates, List<LsoaKey> deletes, CancellationToken cancellationToken)
    {
        if (updates.Count == 0 && deletes.Count == 0) return;
        await using (var create = NewCommand(
                         "CREATE TEMPORARY TABLE police_uk_lsoa_changes (\"LsoaCode\" varchar(16), \"LsoaName\" varchar(120), \"AreaId\" uuid, \"Month\" integer, \"CrimeType\" varchar(120), \"Count\" integer) ON COMMIT DROP"))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY police_uk_lsoa_changes (\"LsoaCode\", \"LsoaName\", \"AreaId\", \"Month\", \"CrimeType\", \"Count\") FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (key, count) in updates.Select(u => (u.Key, (int?)u.Value)).Concat(deletes.Select(d => (d, (int?)null))))
            {
                await copy.StartRowAsync(cancellationToken);
                await WriteLsoaKeyAsync(copy, key, cancellationToken);
                if (count is { } value) await copy.WriteAsync(value, NpgsqlDbType.Integer, cancellationToken);
                else await copy.WriteNullAsync(cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        const string matches = "t.\"Source\" = @s AND t.\"LsoaCode\" = c.\"LsoaCode\" AND t.\"LsoaName\" = c.\"LsoaName\" AND t.\"AreaId\" = c.\"AreaId\" AND t.\"Month\" = c.\"Month\" AND t.\"CrimeType\" = c.\"CrimeType\"";
        foreach (var sql in new[]
                 {
                     $"UPDATE \"LsoaCrimeCounts\" t SET \"Count\" = c.\"Count\", \"ImportRunId\" = @r FROM police_uk_lsoa_changes c WHERE {matches} AND c.\"Count\" IS NOT NULL",
                     $"DELETE FROM \"LsoaCrimeCounts\" t USING police_uk_lsoa_changes c WHERE {matches} AND c.\"Count\" IS NULL AND @r = @r",
                 })
        {
            await using var command = NewCommand(sql);
            AddParameter(command, "@s", PoliceUkSource);
            AddParameter(command, "@r", runId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // SQLite below: Microsoft.Data.Sqlite runs every command synchronously (its async methods only wrap the
    // result in a Task), so the per-row loops call the synchronous methods and save a Task per row.

    /// <summary>
    /// New counts inserted a few thousand at a time by one statement reading a JSON array of rows
    /// (<c>json_each</c>). Microsoft.Data.Sqlite binds every parameter by name and converts it to UTF-8 on
    /// each execution, which cost more than SQLite's own insert whether the statement had one row's
    /// parameters or many; one JSON parameter per few thousand rows leaves SQLite's insert as the cost.
    /// </summary>
    private void InsertLsoaCountsSqlite(Guid runId, List<KeyValuePair<LsoaKey, int>> rows)
    {
        if (rows.Count == 0) return;
        using var command = NewCommand(
            $"INSERT INTO \"LsoaCrimeCounts\" ({LsoaColumns}) " +
            "SELECT @s, r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, r.value ->> 5, @r FROM json_each(@rows) r");
        AddParameter(command, "@s", PoliceUkSource);
        AddParameter(command, "@r", runId);
        AddParameter(command, "@rows", "");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        foreach (var batch in rows.Chunk(SqliteLsoaRowsPerInsert))
        {
            buffer.ResetWrittenCount();
            using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                foreach (var (key, count) in batch)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(key.LsoaCode);
                    json.WriteStringValue(key.LsoaName);
                    json.WriteStringValue(SqliteGuidText(key.AreaId));
                    json.WriteNumberValue(key.Month);
                    json.WriteStringValue(key.CrimeType);
                    json.WriteNumberValue(count);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            command.Parameters[2].Value = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
            command.ExecuteNonQuery();
        }
    }

    private long SqliteScalar(string sql)
    {
        using var command = NewCommand(sql);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Changed and vanished counts: few on a re-import (none when the files are the same), one prepared statement each.</summary>
    private void ApplyLsoaChangesSqlite(Guid runId, List<KeyValuePair<LsoaKey, int>> updates, List<LsoaKey> deletes)
    {
        const string where = "\"Source\" = @s AND \"LsoaCode\" = @l AND \"LsoaName\" = @ln AND \"AreaId\" = @a AND \"Month\" = @m AND \"CrimeType\" = @t";
        foreach (var (sql, rows) in new (string, IEnumerable<KeyValuePair<LsoaKey, int>>)[]
                 {
                     ($"UPDATE \"LsoaCrimeCounts\" SET \"Count\" = @v, \"ImportRunId\" = @r WHERE {where}", updates),
                     ($"DELETE FROM \"LsoaCrimeCounts\" WHERE {where} AND @v = @v AND @r = @r", deletes.Select(k => KeyValuePair.Create(k, 0))),
                 })
        {
            using var command = NewCommand(sql);
            AddParameter(command, "@s", PoliceUkSource);
            AddLsoaKeyParameters(command, "");
            AddParameter(command, "@v", 0);
            AddParameter(command, "@r", runId);
            foreach (var (key, count) in rows)
            {
                SetLsoaKeyParameters(command, 1, key);
                command.Parameters[6].Value = count;
                command.ExecuteNonQuery();
            }
        }
    }

    /// <summary>@l, @ln, @a, @m, @t with the suffix, in that order.</summary>
    private void AddLsoaKeyParameters(DbCommand command, string suffix)
    {
        AddParameter(command, "@l" + suffix, "");
        AddParameter(command, "@ln" + suffix, "");
        AddParameter(command, "@a" + suffix, Guid.Empty);
        AddParameter(command, "@m" + suffix, 0);
        AddParameter(command, "@t" + suffix, "");
    }

    /// <summary>A Guid as EF Core stores it on SQLite (and as Microsoft.Data.Sqlite binds it as text): upper-case "D" form.</summary>
    private static string SqliteGuidText(Guid id) => id.ToString("D").ToUpperInvariant();

    private readonly Dictionary<Guid, object> _providerGuids = [];

    /// <summary>An area's id in the provider's form (text on SQLite), converted once per area, not once a row.</summary>
    private object ProviderGuid(Guid id)
    {
        if (!_providerGuids.TryGetValue(id, out var value)) _providerGuids[id] = value = ConvertGuid(id);
        return value;
    }

    /// <summary>The key into the five parameters from <paramref name="at"/> (see <see cref="AddLsoaKeyParameters"/>).</summary>
    private void SetLsoaKeyParameters(DbCommand command, int at, LsoaKey key)
    {
        command.Parameters[at].Value = key.LsoaCode;
        command.Parameters[at + 1].Value = key.LsoaName;
        command.Parameters[at + 2].Value = ProviderGuid(key.AreaId);
        command.Parameters[at + 3].Value = key.Month;
        command.Parameters[at + 4].Value = key.CrimeType;
    }
}
