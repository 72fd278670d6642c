using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sightline.Core.Audit;
using Sightline.Core.Dashboard;
using Sightline.Core.Data;
using Sightline.Core.Performance;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>Partner measure periods and indicator configuration: pure code.</summary>
public sealed class PartnerPeriodTests
{
    [Theory]
    [InlineData("2017-08", PeriodKind.Month, 201708, 201708)]
    [InlineData("2017-Q1", PeriodKind.Quarter, 201701, 201703)]
    [InlineData("2017-q4", PeriodKind.Quarter, 201710, 201712)]
    [InlineData("2017/18", PeriodKind.FinancialYear, 201704, 201803)]
    [InlineData("1999/00", PeriodKind.FinancialYear, 199904, 200003)]
    public void Periods_are_months_quarters_and_financial_years(string text, PeriodKind kind, int start, int end)
    {
        Assert.True(PartnerPeriod.TryParse(text, out var period));
        Assert.Equal(kind, period.Kind);
        Assert.Equal(start, period.Start.ToYyyyMm());
        Assert.Equal(end, period.End.ToYyyyMm());
        Assert.Equal(text.ToUpperInvariant(), period.ToString().ToUpperInvariant());
        Assert.Equal(start - 100, period.YearBefore.Start.ToYyyyMm());
    }

    [Theory]
    [InlineData("2017-13")]
    [InlineData("2017-Q5")]
    [InlineData("2017-Q0")]
    [InlineData("2017/19")]
    [InlineData("2017")]
    [InlineData("201708")]
    [InlineData("Q3 2017")]
    [InlineData("")]
    public void Anything_else_is_not_a_period(string text) => Assert.False(PartnerPeriod.TryParse(text, out _));

    [Fact]
    public void Four_measures_ship_and_configuration_adds_or_replaces_them()
    {
        var shipped = PartnerIndicators.Default;
        Assert.Equal(Polarity.LowerIsBetter, shipped.Find("repeat-asb-calls")!.Polarity);
        Assert.Equal(Polarity.HigherIsBetter, shipped.Find("survey-confidence")!.Polarity);
        Assert.Equal(MeasureUnit.Percent, shipped.Find("reoffending-rate")!.Unit);
        Assert.Equal(MeasureUnit.Count, shipped.Find("first-time-entrants")!.Unit);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Indicators:Partner:hate-crime-reports:Name"] = "Hate crime reports",
            ["Indicators:Partner:hate-crime-reports:Polarity"] = "HigherIsBetter",
            ["Indicators:Partner:first-time-entrants:Name"] = "First-time entrants per 100,000",
            ["Indicators:Partner:first-time-entrants:Polarity"] = "LowerIsBetter",
            ["Indicators:Partner:first-time-entrants:Unit"] = "Rate",
        }).Build();
        var configured = PartnerIndicators.FromConfiguration(configuration.GetSection("Indicators:Partner"));
        Assert.Equal(5, configured.All.Count);
        Assert.Equal(MeasureUnit.Count, configured.Find("hate-crime-reports")!.Unit);
        Assert.Equal(MeasureUnit.Rate, configured.Find("first-time-entrants")!.Unit);

        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Indicators:Partner:x:Name"] = "X", ["Indicators:Partner:x:Polarity"] = "Sideways",
        }).Build();
        Assert.Contains("Polarity", Assert.Throws<InvalidOperationException>(() => PartnerIndicators.FromConfiguration(bad.GetSection("Indicators:Partner"))).Message);
    }
}

/// <summary>The partner measures import on both providers: good and broken files, idempotency, transactions, tracing.</summary>
public abstract class IndicatorImportTests(DatabaseProvider provider)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SightlineDb Context(TestDatabase database, IAuditActor? actor = null) =>
        database.NewContext(new AuditTrail(actor ?? FixedAuditActor.System, TimeProvider.System));

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider, CancellationToken ct)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        await new DatabaseMigrator(db).MigrateAsync(ct);
        return database;
    }

    private static async Task<ImportOutcome> ImportAsync(TestDatabase database, string text, CancellationToken ct, IAuditActor? actor = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sightline-indicators-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text, ct);
        try
        {
            await using var db = Context(database, actor);
            return await new PerformanceImports(db, TimeProvider.System).ImportIndicatorsAsync(path, cancellationToken: ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<List<(string Area, string Key, PeriodKind Kind, int Start, decimal Value)>> StoredAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = Context(database);
        var areas = await db.Areas.ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return (await db.IndicatorValues.ToListAsync(ct))
            .Select(v => (areas[v.AreaId], v.IndicatorKey, v.PeriodKind, v.PeriodStart, v.Value))
            .OrderBy(v => v.Item1).ThenBy(v => v.IndicatorKey).ThenBy(v => v.PeriodStart).ToList();
    }

    private const string Good =
        "area,indicator,period,value\n" +
        "Barnet,repeat-asb-calls,2017-Q2,120\n" +
        "Barnet,repeat-asb-calls,2016-Q2,150\n" +
        "Barnet,survey-confidence,2017/18,78.5\n" +
        "barnet,Reoffending-Rate,2017-08,24.25\n" +
        "Camden,first-time-entrants,2017-Q2,31\n";

    [Fact]
    public async Task A_good_file_is_stored_by_area_measure_and_period_and_twice_changes_nothing()
    {
        await using var database = await MigratedAsync(provider, Ct);
        var first = await ImportAsync(database, Good, Ct);
        Assert.True(first.Succeeded, first.Refused);
        Assert.Equal((5, 5, 0, 0), (first.RowsRead, first.Imported, first.Unchanged, first.RowsRejected));
        var stored = await StoredAsync(database, Ct);
        Assert.Equal(
        [
            ("Barnet", "reoffending-rate", PeriodKind.Month, 201708, 24.25m),
            ("Barnet", "repeat-asb-calls", PeriodKind.Quarter, 201604, 150m),
            ("Barnet", "repeat-asb-calls", PeriodKind.Quarter, 201704, 120m),
            ("Barnet", "survey-confidence", PeriodKind.FinancialYear, 201704, 78.5m),
            ("Camden", "first-time-entrants", PeriodKind.Quarter, 201704, 31m),
        ], stored);

        var second = await ImportAsync(database, Good, Ct);
        Assert.Equal((0, 5), (second.Imported, second.Unchanged));
        Assert.Equal(stored, await StoredAsync(database, Ct));

        await using var db = Context(database);
        var runs = await db.ImportRuns.OrderBy(r => r.StartedAt).ToListAsync(Ct);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(PerformanceImports.IndicatorsSource, r.Source));
        // Every value still points at the run that wrote it: the second run changed nothing.
        Assert.All(await db.IndicatorValues.ToListAsync(Ct), v => Assert.Equal(first.RunId, v.ImportRunId));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == "import-run", Ct));
        var (intact, _, fault) = await new AuditQueries(db).VerifyAsync(Ct);
        Assert.True(intact, fault);
    }

    [Fact]
    public async Task Broken_rows_are_rejected_with_their_line_and_reason_and_the_rest_imported()
    {
        await using var database = await MigratedAsync(provider, Ct);
        var outcome = await ImportAsync(database,
            "area,indicator,period,value\n" +
            "Atlantis,repeat-asb-calls,2017-Q2,1\n" +        // 2
            "Barnet,broken-windows,2017-Q2,1\n" +            // 3
            "Barnet,repeat-asb-calls,2017-Q5,1\n" +          // 4
            "Barnet,repeat-asb-calls,2017-Q2,lots\n" +       // 5
            "Barnet,repeat-asb-calls,2017-Q2,-3\n" +         // 6
            "Barnet,survey-confidence,2017-Q2,101\n" +       // 7
            "Barnet,repeat-asb-calls,2017-Q3,40\n" +         // 8 good
            "Barnet,repeat-asb-calls,2017-Q3,41\n" +         // 9 duplicate of 8
            "Barnet,repeat-asb-calls,2017/18\n", Ct);        // 10 truncated
        Assert.True(outcome.Succeeded, outcome.Refused);
        Assert.Equal((9, 8, 1), (outcome.RowsRead, outcome.RowsRejected, outcome.Imported));
        Assert.Contains(outcome.Problems, p => p.StartsWith("line 2:") && p.Contains("unknown area 'Atlantis'"));
        Assert.Contains(outcome.Problems, p => p.StartsWith("line 3:") && p.Contains("unknown indicator 'broken-windows'"));
        Assert.Contains(outcome.Problems, p => p.StartsWith("line 4:") && p.Contains("'2017-Q5' is not a period"));
        Assert.Contains(outcome.Problems, p => p.StartsWith("line 5:") && p.Contains("'lots' is not a number"));
        Assert.Contains(outcome.Problems, p => p.StartsWith("line 6:") && p.Contains("negative value -3"));
        Assert.Contains(outcome.Problems, p => p.StartsWith("line 7:") && p.Contains("more than 100 percent"));
        Assert.Contains(outcome.Problems, p => p.StartsWith("line 9:") && p.Contains("as line 8"));
        Assert.Contains(outcome.Problems, p => p.StartsWith("line 10:") && p.Contains("truncated"));
        Assert.Contains("rejected: line 2", outcome.Describe());
        Assert.Equal([("Barnet", "repeat-asb-calls", PeriodKind.Quarter, 201707, 40m)], await StoredAsync(database, Ct));
    }

    [Fact]
    public async Task A_wrong_header_or_an_empty_file_is_refused_and_the_data_stays()
    {
        await using var database = await MigratedAsync(provider, Ct);
        Assert.True((await ImportAsync(database, Good, Ct)).Succeeded);
        var before = await StoredAsync(database, Ct);

        var wrong = await ImportAsync(database, "borough,measure,quarter,value\nBarnet,repeat-asb-calls,2017-Q2,999\n", Ct);
        Assert.False(wrong.Succeeded);
        Assert.Contains("area,indicator,period,value", wrong.Refused);
        var empty = await ImportAsync(database, "", Ct);
        Assert.False(empty.Succeeded);

        Assert.Equal(before, await StoredAsync(database, Ct));
        await using var db = Context(database);
        Assert.Equal(1, await db.ImportRuns.CountAsync(Ct));
    }

    [Fact]
    public async Task A_failure_while_writing_rolls_the_whole_file_back()
    {
        await using var database = await MigratedAsync(provider, Ct);
        Assert.True((await ImportAsync(database, Good, Ct)).Succeeded);
        var before = await StoredAsync(database, Ct);

        // The audit entry is written last, after the values: an audit trail that fails must undo them.
        var changed = Good.Replace(",120", ",99") + "Camden,repeat-asb-calls,2017-Q2,7\n";
        await Assert.ThrowsAsync<InvalidOperationException>(() => ImportAsync(database, changed, Ct, new FailingActor()));

        Assert.Equal(before, await StoredAsync(database, Ct));
        await using var db = Context(database);
        Assert.Equal(1, await db.ImportRuns.CountAsync(Ct));

        // A later import of the changed file works, and points the changed and new values at its run.
        var later = await ImportAsync(database, changed, Ct);
        Assert.Equal((2, 4), (later.Imported, later.Unchanged));
        Assert.Equal(2, await db.IndicatorValues.CountAsync(v => v.ImportRunId == later.RunId, Ct));
    }

    private sealed class FailingActor : IAuditActor
    {
        public Guid? UserId => throw new InvalidOperationException("The audit trail is unavailable.");
        public string? UserEmail => throw new InvalidOperationException("The audit trail is unavailable.");
        public string? IpAddress => throw new InvalidOperationException("The audit trail is unavailable.");
    }

    [Fact]
    public async Task Crime_counts_say_which_run_added_or_last_changed_them()
    {
        await using var database = await MigratedAsync(provider, Ct);
        async Task<ImportOutcome> Mps(string text)
        {
            var path = Path.Combine(Path.GetTempPath(), $"sightline-mps-{Guid.NewGuid():N}.csv");
            await File.WriteAllTextAsync(path, text, Ct);
            try
            {
                await using var db = Context(database);
                return await new PerformanceImports(db, TimeProvider.System).ImportMpsBoroughAsync(path, cancellationToken: Ct);
            }
            finally
            {
                File.Delete(path);
            }
        }
        var first = await Mps("MajorText,MinorText,BoroughName,201604,201605\nROBBERY,ROBBERY OF PERSONAL PROPERTY,Barnet,30,31\n");
        var second = await Mps("MajorText,MinorText,BoroughName,201605,201606\nROBBERY,ROBBERY OF PERSONAL PROPERTY,Barnet,35,36\n");
        var third = await Mps("MajorText,MinorText,BoroughName,201605,201606\nROBBERY,ROBBERY OF PERSONAL PROPERTY,Barnet,35,36\n");
        Assert.Equal(0, third.Imported);

        await using var check = Context(database);
        var runs = await check.CrimeCounts.OrderBy(c => c.Month).Select(c => new { c.Month, c.ImportRunId }).ToListAsync(Ct);
        Assert.Equal([(201604, first.RunId), (201605, second.RunId), (201606, second.RunId)], runs.Select(r => (r.Month, r.ImportRunId)));
    }
}

public sealed class IndicatorImportTests_Sqlite() : IndicatorImportTests(DatabaseProvider.Sqlite);

public sealed class IndicatorImportTests_Postgres() : IndicatorImportTests(DatabaseProvider.Postgres);
