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

/// <summary>
/// The indicators Sightline ships: from the Metropolitan Police borough-level categories (seed 001's crime rows)
/// and one per police.uk crime type. Two sources may define one key (burglary, robbery): <see cref="Definitions"/>
/// holds every definition, <see cref="All"/> one per key for lists, and <see cref="SourcePrecedence"/> decides
/// which source's series an area's dashboard uses.
/// </summary>
public static class Indicators
{
    private const string Mps = PerformanceImports.MpsBoroughSource;
    private const string PoliceUk = PerformanceImports.PoliceUkSource;

    /// <summary>The police.uk crime types as the street-level files spell them (stored as the category).</summary>
    public static readonly IReadOnlyList<string> PoliceUkCrimeTypes =
    [
        "Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other crime", "Other theft",
        "Possession of weapons", "Public order", "Robbery", "Shoplifting", "Theft from the person", "Vehicle crime",
        "Violence and sexual offences",
    ];

    /// <summary>A police.uk crime type's key: lower case with hyphens ("Criminal damage and arson" → "criminal-damage-and-arson").</summary>
    public static string PoliceUkKey(string crimeType) =>
        string.Join('-', crimeType.Trim().ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries));

    private static Indicator PoliceUkCrime(string crimeType) =>
        new(PoliceUkKey(crimeType), crimeType, PoliceUk, [new CategoryMatch(crimeType)], Polarity.LowerIsBetter, RateBase.PerThousandPopulation);

    /// <summary>What a source is called on the page ("Metropolitan Police borough files").</summary>
    public static string SourceName(string source) => source switch
    {
        Mps => "Metropolitan Police borough files",
        PoliceUk => "police.uk street-level crime",
        _ => source,
    };

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

    /// <summary>Every indicator of every source; a key appears once per source that gives it.</summary>
    public static IReadOnlyList<Indicator> Definitions { get; } =
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
        .. PoliceUkCrimeTypes.Select(PoliceUkCrime),
    ];

    /// <summary>One indicator per key, in dashboard order (the first definition of each key), for lists of indicators.</summary>
    public static IReadOnlyList<Indicator> All { get; } = Definitions.DistinctBy(i => i.Key).ToList();

    /// <summary>The sources that define some indicator.</summary>
    public static IReadOnlyList<string> Sources { get; } = Definitions.Select(i => i.Source).Distinct().ToList();

    public static Indicator? Find(string key) => All.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The definition of <paramref name="key"/> from <paramref name="source"/>, or null when that source does not give it.</summary>
    public static Indicator? Find(string key, string source) =>
        Definitions.FirstOrDefault(i => i.Source == source && string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every source major category any simple indicator needs (upper case), for filtering a query.</summary>
    public static IReadOnlyList<string> Majors(string source) => Majors([source]);

    /// <summary>Every major category the simple indicators of any of <paramref name="sources"/> need (upper case).</summary>
    public static IReadOnlyList<string> Majors(IEnumerable<string> sources)
    {
        var wanted = sources.ToHashSet();
        return Definitions.Where(i => wanted.Contains(i.Source)).SelectMany(i => i.Categories).Select(c => c.Major.ToUpperInvariant()).Distinct().ToList();
    }

    /// <summary>Series per indicator key of the MPS borough source from one area's rows (month yyyymm, category, subcategory, count).</summary>
    public static IReadOnlyDictionary<string, MonthlySeries> SeriesFor(IEnumerable<(int Month, string Category, string Subcategory, int Count)> rows) =>
        SeriesFor(Mps, rows);

    /// <summary>Series per indicator key of <paramref name="source"/> from one area's rows of that source.</summary>
    public static IReadOnlyDictionary<string, MonthlySeries> SeriesFor(string source, IEnumerable<(int Month, string Category, string Subcategory, int Count)> rows)
    {
        var ofSource = Definitions.Where(i => i.Source == source).ToList();
        var simple = ofSource.Where(i => !i.IsComposite).ToList();
        var sums = simple.ToDictionary(i => i.Key, _ => new Dictionary<YearMonth, long>());
        // Matching trims and compares strings case-insensitively: done once per distinct category pair, not once per row.
        var targetsOf = new Dictionary<(string Category, string Subcategory), List<Dictionary<YearMonth, long>>>();
        foreach (var row in rows)
        {
            if (!targetsOf.TryGetValue((row.Category, row.Subcategory), out var targets))
                targetsOf[(row.Category, row.Subcategory)] = targets = simple.Where(i => i.Matches(row.Category, row.Subcategory)).Select(i => sums[i.Key]).ToList();
            if (targets.Count == 0) continue;
            var month = YearMonth.FromYyyyMm(row.Month);
            foreach (var byMonth in targets) byMonth[month] = byMonth.GetValueOrDefault(month) + row.Count;
        }
        var result = sums.ToDictionary(kv => kv.Key, kv => new MonthlySeries(kv.Value));
        foreach (var composite in ofSource.Where(i => i.IsComposite))
            result[composite.Key] = MonthlySeries.Combine(composite.Parts!.Select(p => result[p]));
        return result;
    }
}
