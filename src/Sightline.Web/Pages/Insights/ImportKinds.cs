using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Insights;

/// <summary>One kind of performance file the import page accepts: its key (as in <c>./sightline import KEY</c>), what
/// the page calls it, a hint, and how to import a saved upload (the path, and the year the analyst gave, if any).</summary>
public sealed record ImportKind(string Key, string Name, string Hint, Func<PerformanceImports, string, int?, CancellationToken, Task<ImportOutcome>> Import);

/// <summary>The kinds of file the import page offers, in the order shown. Add a kind here to offer it in the page.</summary>
public static class ImportKinds
{
    public static IReadOnlyList<ImportKind> All { get; } =
    [
        new(PerformanceImports.MpsBoroughSource, "Metropolitan Police borough file",
            "MajorText, MinorText, BoroughName (or LookUp_BoroughName), then one column per month (yyyymm).",
            (imports, path, _, ct) => imports.ImportMpsBoroughAsync(path, cancellationToken: ct)),
        new(PerformanceImports.PoliceUkSource, "police.uk street-level crime CSV",
            "One month of a force's street-level crimes, as downloaded from data.police.uk.",
            (imports, path, _, ct) => imports.ImportPoliceUkAsync([path], cancellationToken: ct)),
        new(PerformanceImports.PopulationSource, "ONS population by age, or GLA borough profiles",
            "The ONS long format (Code, Name, Geography1, Age, Population) or the GLA London borough profiles (population and households).",
            (imports, path, year, ct) => imports.ImportPopulationAsync(path, year, cancellationToken: ct)),
        new(PerformanceImports.IndicatorsSource, "Partner measures",
            "A CSV with the columns area, indicator, period, value (period as 2017-08, 2017-Q3 or 2017/18), for the measures partners return.",
            (imports, path, _, ct) => imports.ImportIndicatorsAsync(path, cancellationToken: ct)),
    ];

    public static ImportKind? Find(string? key) => All.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase));
}
