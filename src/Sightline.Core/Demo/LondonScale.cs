using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;

namespace Sightline.Core.Demo;

/// <summary>
/// Fills an empty, migrated database at London scale (issue 6: 500,000 young people and what goes
/// with them) for benchmarks, quickly: every table is streamed through <see cref="BulkInsert"/>
/// (PostgreSQL binary COPY, SQLite prepared multi-row inserts), never held in memory, one table
/// after another. Deterministic: the same options (seed and day included) give the same rows, ids
/// and audit hashes. Synthetic people only (<see cref="SyntheticPeople"/>). Nothing it writes is
/// audited, except that the audit entries it generates form a valid chain with the head updated.
/// </summary>
public sealed class LondonScale(SightlineDb db)
{
    public sealed record Report(IReadOnlyList<(string Table, long Rows, TimeSpan Took)> Tables, TimeSpan Took, long AuditHead);

    public async Task<Report> GenerateAsync(LondonScaleOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        if (await db.Agencies.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken) || await db.People.AnyAsync(cancellationToken))
            throw new InvalidOperationException("The database is not empty: generate London-scale data into a freshly migrated database.");

        var total = Stopwatch.StartNew();
        var tables = new List<(string, long, TimeSpan)>();
        var flagTypes = await db.FlagTypes.AsNoTracking().ToDictionaryAsync(t => t.Key, t => (t.Id, t.HasLevel), cancellationToken);
        var startHead = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == 1, cancellationToken);

        // One connection throughout, so SQLite's pragmas (per connection) hold for every table.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var tuning = await SqliteBulkTuning.ApplyAsync(db, cancellationToken);
        try
        {
            var now = London.StartOf(options.Today).AddHours(9);
            var staff = new LondonScaleStaff(options, now, LondonScaleRandom.For(options.Seed, "staff"));
            var records = new LondonScaleRecords(options, staff, flagTypes);

            async Task Write<T>(string table, IEnumerable<T> rows) where T : class
            {
                var took = Stopwatch.StartNew();
                var count = await BulkInsert.WriteAsync(db, rows, n => log($"  {table}: {n:N0} rows ({took.Elapsed.TotalSeconds:N1} s)"), cancellationToken);
                tables.Add((table, count, took.Elapsed));
                log($"{table}: {count:N0} rows in {took.Elapsed.TotalSeconds:N1} s ({count / Math.Max(0.001, took.Elapsed.TotalSeconds):N0} rows/s)");
            }

            await Write("agencies", staff.Agencies);
            await Write("teams", staff.Teams);
            await Write("users", staff.Users);
            await Write("people", records.NewPeople());
            await Write("agency involvements", records.Involvements());
            await Write("flags", records.Flags());
            await Write("SEAM assessments", records.Seams().Select(c => c.Assessment));
            await Write("SEAM scores", records.Seams().SelectMany(c => c.Scores));
            await Write("missing episodes", records.MissingEpisodes());
            // Extension point: issue 6 counts "missing episodes and associations together". When the
            // Network feature's Association table lands, add its stream here (a method on
            // LondonScaleRecords drawing pairs of people from records.People, within a partnership)
            // and split --missing between the two.

            var audit = new LondonScaleAudit(options, staff, records.People, startHead);
            await Write("audit entries", audit.Entries());
            var head = audit.Head;
            await db.AuditChainHeads.Where(h => h.Id == head.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, head.Sequence).SetProperty(h => h.Hash, head.Hash), cancellationToken);
            await AnalyseAsync(log, cancellationToken);
            return new Report(tables, total.Elapsed, head.Sequence);
        }
        finally
        {
            await tuning.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Fresh statistics, as autovacuum (PostgreSQL) or a later ANALYZE (SQLite) would give a live database.</summary>
    private async Task AnalyseAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var took = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM (ANALYZE)" : "ANALYZE", cancellationToken);
        log($"statistics updated in {took.Elapsed.TotalSeconds:N1} s");
    }
}
