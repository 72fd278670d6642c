using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;

namespace Sightline.Core.Demo;

/// <summary>
/// SQLite settings for a bulk load, on the open connection only, put back when disposed: no fsync
/// per commit (<c>synchronous=OFF</c>: a crash mid-generation leaves a database to throw away, which
/// is fine for a generator and never for the app), a 256 MB page cache, temporary b-trees in memory.
/// Does nothing on PostgreSQL.
/// </summary>
public sealed class SqliteBulkTuning : IAsyncDisposable
{
    private readonly SightlineDb? _db;
    private readonly long _synchronous;
    private readonly long _cacheSize;

    private SqliteBulkTuning(SightlineDb? db, long synchronous, long cacheSize) => (_db, _synchronous, _cacheSize) = (db, synchronous, cacheSize);

    public static async Task<SqliteBulkTuning> ApplyAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite()) return new SqliteBulkTuning(null, 0, 0);
        var synchronous = await ScalarAsync(db, "PRAGMA synchronous", cancellationToken);
        var cacheSize = await ScalarAsync(db, "PRAGMA cache_size", cancellationToken);
        await ScalarAsync(db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY", cancellationToken);
        return new SqliteBulkTuning(db, synchronous, cacheSize);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null) return;
        await ScalarAsync(_db, $"PRAGMA synchronous = {_synchronous}; PRAGMA cache_size = {_cacheSize}; PRAGMA temp_store = DEFAULT; PRAGMA wal_checkpoint(TRUNCATE)", CancellationToken.None);
    }

    private static async Task<long> ScalarAsync(SightlineDb db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
    }
}
