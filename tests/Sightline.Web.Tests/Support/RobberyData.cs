using Microsoft.EntityFrameworkCore;
using Sightline.Core.Dashboard;
using Sightline.Core.Performance;
using Sightline.TestKit;

namespace Sightline.Web.Tests.Support;

/// <summary>
/// A small hand-made dashboard dataset: 36 months of robbery for four boroughs from a first month, with
/// a count per area and month the test chooses, and one population estimate each. Written once per app.
/// </summary>
public static class RobberyData
{
    public static readonly string[] Boroughs = ["Barnet", "Brent", "Camden", "Harrow"];
    private static readonly SemaphoreSlim Seeding = new(1, 1);

    public static async Task SeedAsync(SightlineFactory app, YearMonth first, Func<string, YearMonth, int> countOf, int populationYear, CancellationToken cancellationToken)
    {
        await Seeding.WaitAsync(cancellationToken);
        try
        {
            await using var db = app.Database.NewContext();
            if (await db.CrimeCounts.AnyAsync(cancellationToken)) return;
            var areas = await db.Areas.Where(a => Boroughs.Contains(a.Name)).ToDictionaryAsync(a => a.Name, cancellationToken);
            foreach (var (name, area) in areas)
            {
                db.PopulationEstimates.Add(new PopulationEstimate { AreaId = area.Id, Year = populationYear, Count = 100_000 });
                for (var i = 0; i < 36; i++)
                {
                    var month = first.AddMonths(i);
                    db.CrimeCounts.Add(new CrimeCount
                    {
                        Source = PerformanceImports.MpsBoroughSource, AreaId = area.Id, Month = month.ToYyyyMm(),
                        Category = "Robbery", Subcategory = "Robbery of personal property", Count = countOf(name, month),
                    });
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            Seeding.Release();
        }
    }
}
