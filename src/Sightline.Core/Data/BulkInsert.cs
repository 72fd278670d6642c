using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Sightline.Core.Data;

/// <summary>
/// Writes many rows of one entity type straight to its table, bypassing the change tracker and the
/// audit trail: PostgreSQL through binary <c>COPY</c>, SQLite through prepared multi-row
/// <c>INSERT</c>s in one transaction. Columns, names and value conversions (enums as names, UTC
/// times) come from the EF Core model, so the rows read back exactly as if EF Core had saved them.
/// The rows are enumerated once and never held: a generator can stream millions through it.
/// For bulk loads only (the London-scale generator): nothing written here is audited.
/// </summary>
public static class BulkInsert
{
    /// <summary>How often <paramref name="progress"/> hears the running count.</summary>
    public const int ProgressEvery = 100_000;

    /// <summary>The longest a COPY may wait on PostgreSQL at one time.</summary>
    public static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(10);

    public static async Task<long> WriteAsync<T>(SightlineDb db, IEnumerable<T> rows, Action<long>? progress = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var columns = Columns(db, typeof(T), out var table);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return db.Database.IsNpgsql()
                ? await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), table, columns, rows, progress, cancellationToken)
                : await InsertAsync(db.Database.GetDbConnection(), table, columns, rows, progress, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping)
    {
        public object? ProviderValue(object entity)
        {
            var value = Property.GetGetter().GetClrValue(entity);
            var converter = Mapping.Converter ?? Property.GetValueConverter();
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }
    }

    private static Column[] Columns(SightlineDb db, Type clrType, out string table)
    {
        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        return entityType.GetProperties()
            .Where(p => !p.IsShadowProperty())
            .Select(p => new Column(p.GetColumnName(store)!, p, p.GetRelationalTypeMapping()))
            .ToArray();
    }

    private static string Quote(string name) => "\"" + name + "\"";

    private static async Task<long> CopyAsync<T>(NpgsqlConnection connection, string table, Column[] columns, IEnumerable<T> rows, Action<long>? progress, CancellationToken cancellationToken)
        where T : class
    {
        var types = columns.Select(PostgresType).ToArray();
        var sql = $"COPY {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        long count = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(sql, cancellationToken))
        {
            // Npgsql applies the 30 s command timeout to each wait on the server; a checkpoint during a
            // load of millions of rows can stall it that long. The load is bounded by the caller instead.
            importer.Timeout = CopyTimeout;
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < columns.Length; i++)
                {
                    var value = columns[i].ProviderValue(row);
                    if (value is null) await importer.WriteNullAsync(cancellationToken);
                    else await importer.WriteAsync(value, types[i], cancellationToken);
                }
                if (++count % ProgressEvery == 0) progress?.Invoke(count);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        return count;
    }

    /// <summary>The wire type for a column, from the provider-side CLR type the model maps it to.</summary>
    private static NpgsqlDbType PostgresType(Column column)
    {
        var clr = Nullable.GetUnderlyingType(column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType) ?? column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType;
        return clr switch
        {
            _ when clr == typeof(Guid) => NpgsqlDbType.Uuid,
            _ when clr == typeof(string) => NpgsqlDbType.Text,
            _ when clr == typeof(int) => NpgsqlDbType.Integer,
            _ when clr == typeof(long) => NpgsqlDbType.Bigint,
            _ when clr == typeof(short) => NpgsqlDbType.Smallint,
            _ when clr == typeof(bool) => NpgsqlDbType.Boolean,
            _ when clr == typeof(double) => NpgsqlDbType.Double,
            _ when clr == typeof(decimal) => NpgsqlDbType.Numeric,
            _ when clr == typeof(DateOnly) => NpgsqlDbType.Date,
            _ when clr == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
            _ when clr == typeof(DateTime) => column.Mapping.StoreType.StartsWith("timestamp with time zone", StringComparison.Ordinal)
                ? NpgsqlDbType.TimestampTz : NpgsqlDbType.Timestamp,
            _ when clr == typeof(byte[]) => NpgsqlDbType.Bytea,
            _ => throw new NotSupportedException($"Bulk insert cannot write {clr.Name} ({column.Name})."),
        };
    }

    private static async Task<long> InsertAsync<T>(DbConnection connection, string table, Column[] columns, IEnumerable<T> rows, Action<long>? progress, CancellationToken cancellationToken)
        where T : class
    {
        // Microsoft.Data.Sqlite binds each parameter by name, and SQLite finds a name by a linear scan: beyond
        // about a thousand parameters a statement, binding costs more than the statements it saves.
        var rowsPerStatement = Math.Max(1, 1_000 / columns.Length);
        // Commits every so often, so that the write-ahead log stays small instead of holding the whole table.
        var rowsPerTransaction = rowsPerStatement * Math.Max(1, 200_000 / rowsPerStatement);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var full = Prepare(connection, transaction, table, columns, rowsPerStatement);
        var batch = new List<T>(rowsPerStatement);
        long count = 0;
        try
        {
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count < rowsPerStatement) continue;
                await ExecuteAsync(full, columns, batch, cancellationToken);
                count += batch.Count;
                batch.Clear();
                if (count % ProgressEvery < rowsPerStatement) progress?.Invoke(count);
                if (count % rowsPerTransaction != 0) continue;
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
                full.Transaction = transaction = await connection.BeginTransactionAsync(cancellationToken);
            }
            if (batch.Count > 0)
            {
                await using var rest = Prepare(connection, transaction, table, columns, batch.Count);
                await ExecuteAsync(rest, columns, batch, cancellationToken);
                count += batch.Count;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await transaction.DisposeAsync();
        }
        return count;
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string table, Column[] columns, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rowCount);
        for (var r = 0; r < rowCount; r++)
        {
            var names = new string[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                names[c] = $"@p{r}_{c}";
                // The mapping configures the parameter as EF Core would (SQLite: GUIDs as upper-case text).
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, names[c], null, nullable: true));
            }
            values.Add("(" + string.Join(", ", names) + ")");
        }
        command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES {string.Join(", ", values)}";
        command.Prepare();
        return command;
    }

    private static async Task ExecuteAsync<T>(DbCommand command, Column[] columns, List<T> batch, CancellationToken cancellationToken)
        where T : class
    {
        var p = 0;
        foreach (var row in batch)
            foreach (var column in columns)
                command.Parameters[p++].Value = column.ProviderValue(row) ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
