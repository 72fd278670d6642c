using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Data;
using Sightline.TestKit;

namespace Sightline.Web.Tests;

/// <summary>What `./sightline serve` does to the database on start: migrate, and demo data only when wanted.</summary>
public sealed class StartupTests
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class ServeFactory(TestDatabase database, bool demo) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in database.Configuration) builder.UseSetting(key, value);
            builder.UseSetting("Database:MigrateOnStart", "true");
            builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
            builder.UseSetting("Demo:People", "25");
            builder.UseSetting("Demo:DashboardFiles", "recent");
        }
    }

    private static async Task<(int Agencies, int Users, int People)> CountsAfterStartAsync(TestDatabase database, bool demo)
    {
        await using var app = new ServeFactory(database, demo);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SightlineDb>();
        return (await db.Agencies.CountAsync(), await db.Users.CountAsync(), await db.People.CountAsync());
    }

    [Fact]
    public async Task An_empty_database_is_migrated_and_filled_with_the_demo_partnership_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal((9, 8, 25), await CountsAfterStartAsync(database, demo: true));
        Assert.Equal((9, 8, 25), await CountsAfterStartAsync(database, demo: true));
    }

    [Fact]
    public async Task With_demo_disabled_a_real_install_starts_empty_but_migrated()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal((0, 0, 0), await CountsAfterStartAsync(database, demo: false));
        await using var db = database.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }
}
