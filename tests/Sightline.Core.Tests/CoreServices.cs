using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>The Core's services over a fresh, migrated database of either provider; each piece of work runs in its own scope, as a request would.</summary>
public sealed class CoreServices : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private CoreServices(TestDatabase database, ServiceProvider services) => (_database, _services) = (database, services);

    public static async Task<CoreServices> StartAsync(DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddSightlineCore(database.AsConfiguration());
        services.AddScoped<IAuditActor>(_ => FixedAuditActor.System);
        services.AddLogging();
        var core = new CoreServices(database, services.BuildServiceProvider());
        await core.InScopeAsync<DatabaseMigrator, int>(async m => (await m.MigrateAsync(cancellationToken)).Count);
        return core;
    }

    public async Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
