using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.Core.Missing;
using Sightline.Core.Notifications;
using Sightline.Core.Panels;
using Sightline.Core.People;
using Sightline.Core.VulnerableAdolescents;

namespace Sightline.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Chooses the database from standard configuration: <c>Database:Provider</c> (Sqlite by default,
/// or Postgres) and <c>ConnectionStrings:Sightline</c>.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/sightline.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText.Replace("PostgreSQL", "Postgres", StringComparison.OrdinalIgnoreCase), true, out var p) ? p
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerText}'.");
        var connection = configuration.GetConnectionString("Sightline");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("ConnectionStrings:Sightline is required when Database:Provider is Postgres.");
            connection = DefaultSqlite;
        }
        return new DatabaseSettings(provider, connection);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__migrations"));
                break;
            default:
                EnsureSqliteFolder();
                options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsHistoryTable("__migrations"));
                break;
        }
        options.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
        // Migrations are hand-written (EF's design-time package is not available here), so there is
        // no model snapshot to compare with; the schema test checks the model against the migrated database.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    private void EnsureSqliteFolder()
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && folder is not null)
            Directory.CreateDirectory(folder);
    }
}

/// <summary>The model differs by provider (SQLite needs UTC converters), so cache one per provider.</summary>
internal sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), context.Database.ProviderName, designTime);
}

public static class DataServices
{
    public static IServiceCollection AddSightlineCore(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<SightlineDb>(settings.Configure);
        services.AddScoped<AuditTrail>();
        services.AddScoped<NeedToKnow>();
        services.AddScoped<PersonRecords>();
        services.AddScoped<FlagTypeAdministration>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<DatabaseBackup>();
        services.Configure<BackupOptions>(configuration.GetSection("Backup"));
        services.Configure<SeamReviewSettings>(configuration.GetSection("Seam:ReviewDays"));
        services.Configure<NotificationOptions>(options => options.SendEmail = !string.IsNullOrWhiteSpace(configuration["Smtp:Host"]));
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<ScreenRecords>();
        services.AddScoped<SeamRecords>();
        services.AddScoped<ActionPlans>();
        services.AddScoped<Referrals>();
        services.AddScoped<PanelRecords>();
        services.AddScoped<MeetingRecords>();
        services.AddScoped<PanelNetwork>();
        services.AddScoped<PanelActionRecords>();
        services.AddScoped<PanelActionReminders>();
        services.AddScoped<IAgendaSubjects, NetworkAgendaSubjects>();
        services.AddScoped<Network.IPersonOfConcernGrant, PanelPersonOfConcernGrant>();
        services.Configure<MissingSettings>(configuration.GetSection("Missing"));
        services.Configure<IndexSettings>(configuration.GetSection("Index"));
        services.AddScoped<MissingRecords>();
        services.AddScoped<RhiReminders>();
        services.AddSingleton(Sightline.Core.Performance.PartnerIndicators.FromConfiguration(configuration.GetSection("Indicators:Partner")));
        services.AddScoped<Sightline.Core.Performance.PerformanceImports>();
        services.AddScoped<Sightline.Core.Performance.PartnerMeasures>();
        services.AddScoped<Sightline.Core.Performance.DashboardSources>();
        services.AddScoped<IndexRecords>();
        services.AddSingleton(Sightline.Core.Performance.SourcePrecedence.Parse(
            configuration["Dashboard:SourcePrecedence"],
            configuration.GetSection("Dashboard:IndicatorSources").GetChildren().Select(c => new KeyValuePair<string, string?>(c.Key, c.Value))));
        services.AddScoped<Network.PersonOfConcernVisibility>();
        services.AddScoped<Network.NetworkVisibility>();
        services.AddScoped<Network.PersonsOfConcern>();
        services.AddScoped<Network.Places>();
        services.AddScoped<Network.Disruption>();
        services.AddScoped<Network.DisruptionTactics>();
        services.AddScoped<Network.Associations>();
        services.AddScoped<Network.NetworkQuery>();
        // One per app: the dashboard's figures are read once and shared (refreshed when the data version changes).
        services.AddSingleton<Sightline.Core.Performance.PerformanceCountsCache>();
        services.AddScoped<Sightline.Core.Performance.DashboardQueries>();
        services.AddScoped<Sightline.Core.Performance.AreaGroupAdministration>();
        return services;
    }
}
