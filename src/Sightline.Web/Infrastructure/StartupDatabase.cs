using Sightline.Core.Data;
using Sightline.Core.Demo;

namespace Sightline.Web.Infrastructure;

/// <summary>
/// On <c>serve</c>: migrate the database and, when it is empty and <c>Demo:Enabled</c> is not false,
/// fill it with the synthetic demo partnership. Tests turn this off with <c>Database:MigrateOnStart=false</c>.
/// </summary>
public sealed class StartupDatabase(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<StartupDatabase> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Database:MigrateOnStart", true)) return;
        using var scope = scopes.CreateScope();
        var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        if (applied.Count > 0) logger.LogInformation("Applied {Count} migration(s): {Migrations}", applied.Count, string.Join(", ", applied));
        var demo = scope.ServiceProvider.GetRequiredService<DemoPartnership>();
        if (configuration.GetValue("Demo:Enabled", true) && await demo.IsEmptyAsync(cancellationToken))
        {
            Console.WriteLine("Empty database: adding the synthetic demo partnership (about 300 young people)...");
            await demo.SeedAsync(configuration.GetValue("Demo:People", 300), cancellationToken: cancellationToken);
            await ImportDemoDashboardAsync(scope.ServiceProvider, configuration, environment.ContentRootPath, Console.WriteLine, cancellationToken);
        }
        if (configuration.GetValue("Demo:Enabled", true)) PrintDemoAccounts();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The demo's real dashboard data (MPS borough files, ONS population, GLA households) from
    /// <c>Demo:DataPath</c>, by default ../shared/data beside the repository (found from the content root,
    /// the current directory or the app's own folder). <c>Demo:DashboardFiles=recent</c> imports only the
    /// recent MPS file (for quick test servers). A missing folder or file is one line, not a failure.
    /// </summary>
    public static Task<bool> ImportDemoDashboardAsync(IServiceProvider services, IConfiguration configuration, string? contentRoot, Action<string> log, CancellationToken cancellationToken)
    {
        var folder = DemoDashboardData.FindDataFolder(configuration["Demo:DataPath"], contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var recentOnly = string.Equals(configuration["Demo:DashboardFiles"], "recent", StringComparison.OrdinalIgnoreCase);
        services.GetRequiredService<SightlineDb>().ChangeTracker.Clear(); // the demo just seeded: nothing left to track
        return services.GetRequiredService<DemoDashboardData>().ImportAsync(folder, recentOnly, log, cancellationToken);
    }

    public static void PrintDemoAccounts()
    {
        Console.WriteLine();
        Console.WriteLine("Demo sign-ins (synthetic data only). Password for every account: " + DemoPartnership.DemoPassword);
        foreach (var account in DemoPartnership.Accounts)
            Console.WriteLine($"  {account.Email,-34} {account.Role,-14} {account.Agency}");
        Console.WriteLine($"  The administrator signs in with an authenticator app: add the key {DemoPartnership.DemoAdministratorAuthenticatorKey}.");
        Console.WriteLine();
    }
}
