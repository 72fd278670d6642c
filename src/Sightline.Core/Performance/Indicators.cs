using Sightline.Core.Dashboard;

namespace Sightline.Core.Performance;

/// <summary>
/// Which source categories make up an indicator: a MajorText, and optionally only some of its MinorTexts
/// (none listed = every minor of the major). Matched case-insensitively, since releases differ in case.
/// </summary>
public sealed record CategoryMatch(string Major, IReadOnlyList<string>? Minors = null)
{
    public bool Matches(string category, string subcategory) =>
        string.Equals(category.Trim(), Major, StringComparison.OrdinalIgnoreCase)
        && (Minors is null || Minors.Any(m => string.Equals(subcategory.Trim(), m, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>
/// A dashboard indicator as configuration. A simple indicator sums the source rows that match any of its
/// <see cref="Categories"/> in a month (a month with no matching row has no data). A composite indicator
/// (<see cref="Parts"/>, e.g. MOPAC7) adds other indicators month by month, and has a month only when every
/// part has it (<see cref="MonthlySeries.Combine"/>).
/// </summary>
public sealed record Indicator(
    string Key,
    string Name,
    string Source,
    IReadOnlyList<CategoryMatch> Categories,
    Polarity Polarity,
    RateBase RateBase,
    IReadOnlyList<string>? Parts = null)
{
    public bool IsComposite => Parts is { Count: > 0 };

    public bool Matches(string category, string subcategory) => Categories.Any(c => c.Matches(category, subcategory));
}

/// <summary>The indicators Sightline ships, from the Metropolitan Police borough-level categories (seed 001's crime rows).</summary>
public static class Indicators
{
    private const string Mps = PerformanceImports.MpsBoroughSource;

    private static Indicator Crime(string key, string name, params CategoryMatch[] categories) =>
        new(key, name, Mps, categories, Polarity.LowerIsBetter, RateBase.PerThousandPopulation);

    /// <summary>Residential burglary minors across releases: "DOMESTIC BURGLARY" (older), the two "RES BURGLARY …"
    /// minors (the historical file re-cast) and "BURGLARY - RESIDENTIAL" (the recent file).</summary>
    public static readonly IReadOnlyList<string> ResidentialBurglaryMinors =
        ["DOMESTIC BURGLARY", "RES BURGLARY OF A HOME", "RES BURGLARY OF UNCONNECTED BUILDING", "BURGLARY - RESIDENTIAL"];

    /// <summary>The seven MOPAC priority crimes, by the keys of their indicators.</summary>
    public static readonly IReadOnlyList<string> Mopac7Parts =
    [
        "burglary", "criminal-damage", "robbery", "theft-from-motor-vehicle", "theft-from-person", "theft-of-motor-vehicle", "violence-with-injury",
    ];

    public static IReadOnlyList<Indicator> All { get; } =
    [
        Crime("mopac7", "MOPAC 7 (total)") with { Parts = Mopac7Parts },
        Crime("burglary", "Burglary", new CategoryMatch("BURGLARY")),
        new("residential-burglary", "Residential burglary", Mps,
            [new CategoryMatch("BURGLARY", ResidentialBurglaryMinors)], Polarity.LowerIsBetter, RateBase.PerThousandHouseholds),
        Crime("business-burglary", "Business and community burglary", new CategoryMatch("BURGLARY", ["BURGLARY BUSINESS AND COMMUNITY"])),
        Crime("criminal-damage", "Criminal damage", new CategoryMatch("ARSON AND CRIMINAL DAMAGE", ["CRIMINAL DAMAGE"])),
        Crime("robbery", "Robbery", new CategoryMatch("ROBBERY")),
        Crime("theft-from-motor-vehicle", "Theft from motor vehicle", new CategoryMatch("VEHICLE OFFENCES", ["THEFT FROM A VEHICLE"])),
        Crime("theft-from-person", "Theft from the person", new CategoryMatch("THEFT", ["THEFT FROM THE PERSON"])),
        Crime("theft-of-motor-vehicle", "Theft of motor vehicle", new CategoryMatch("VEHICLE OFFENCES", ["THEFT OR UNAUTH TAKING OF A MOTOR VEH"])),
        Crime("violence-with-injury", "Violence with injury", new CategoryMatch("VIOLENCE AGAINST THE PERSON", ["VIOLENCE WITH INJURY"])),
    ];

    public static Indicator? Find(string key) => All.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every source major category any simple indicator needs (upper case), for filtering a query.</summary>
    public static IReadOnlyList<string> Majors(string source) =>
        All.Where(i => i.Source == source).SelectMany(i => i.Categories).Select(c => c.Major.ToUpperInvariant()).Distinct().ToList();

    /// <summary>Series per indicator from one area's rows (month yyyymm, category, subcategory, count).</summary>
    public static IReadOnlyDictionary<string, MonthlySeries> SeriesFor(IEnumerable<(int Month, string Category, string Subcategory, int Count)> rows)
    {
        var simple = All.Where(i => !i.IsComposite).ToList();
        var sums = simple.ToDictionary(i => i.Key, _ => new Dictionary<YearMonth, long>());
        foreach (var row in rows)
        {
            foreach (var indicator in simple)
            {
                if (!indicator.Matches(row.Category, row.Subcategory)) continue;
                var month = YearMonth.FromYyyyMm(row.Month);
                var byMonth = sums[indicator.Key];
                byMonth[month] = byMonth.GetValueOrDefault(month) + row.Count;
            }
        }
        var result = sums.ToDictionary(kv => kv.Key, kv => new MonthlySeries(kv.Value));
        foreach (var composite in All.Where(i => i.IsComposite))
            result[composite.Key] = MonthlySeries.Combine(composite.Parts!.Select(p => result[p]));
        return result;
    }
}
