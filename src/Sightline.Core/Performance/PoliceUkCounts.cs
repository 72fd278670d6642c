using System.Runtime.InteropServices;

namespace Sightline.Core.Performance;

/// <summary>
/// The police.uk rows counted by area, month and crime type, and by LSOA. Keyed on small integers:
/// each distinct LSOA (code and name) and crime type gets an index the first time it is seen, and the
/// LSOA's area is worked out then, once, not for every row. A row then costs two short string lookups
/// and two updates in place of integer-keyed dictionaries, where keying on the strings themselves hashed
/// four strings twice a row.
/// </summary>
internal sealed class PoliceUkCounts(Func<string, Area> areaFor)
{
    private readonly Dictionary<(string Code, string Name), int> _lsoaIndex = [];
    private readonly List<(string Code, string Name, int Area)> _lsoas = [];
    private readonly Dictionary<string, int> _typeIndex = new(StringComparer.Ordinal);
    private readonly List<string> _types = [];
    private readonly Dictionary<Area, int> _areaIndex = new(ReferenceEqualityComparer.Instance);
    private readonly List<Area> _areas = [];
    private readonly Dictionary<(int Area, int Month, int Type), int> _byArea = [];
    private readonly Dictionary<(int Lsoa, int Month, int Type), int> _byLsoa = [];
    private int _noLocationArea = -1;

    /// <summary>Rows counted under "No location" (a blank LSOA name).</summary>
    public int WithoutLocation { get; private set; }

    /// <summary><paramref name="rows"/> checked rows alike: their fields trimmed, the month as yyyymm.</summary>
    public void Add(string lsoaCode, string lsoaName, int month, string crimeType, int rows = 1)
    {
        var type = TypeIndex(crimeType);
        int area;
        if (lsoaName.Length == 0)
        {
            WithoutLocation += rows;
            if (_noLocationArea < 0) _noLocationArea = AreaIndex(areaFor(PerformanceImports.NoLocationArea));
            area = _noLocationArea;
        }
        else
        {
            var lsoa = LsoaIndex(lsoaCode, lsoaName);
            area = _lsoas[lsoa].Area;
            CollectionsMarshal.GetValueRefOrAddDefault(_byLsoa, (lsoa, month, type), out _) += rows;
        }
        CollectionsMarshal.GetValueRefOrAddDefault(_byArea, (area, month, type), out _) += rows;
    }

    public int AreaCountsCount => _byArea.Count;
    public int LsoaCountsCount => _byLsoa.Count;

    /// <summary>The (month, area) pairs the rows cover.</summary>
    public HashSet<(Guid AreaId, int Month)> Covered() => _byArea.Keys.Select(k => (_areas[k.Area].Id, k.Month)).ToHashSet();

    /// <summary>The counts by area, month and crime type (no subcategory), as stored.</summary>
    public IEnumerable<(Guid AreaId, int Month, string Category, int Count)> ByArea() =>
        _byArea.Select(p => (_areas[p.Key.Area].Id, p.Key.Month, _types[p.Key.Type], p.Value));

    /// <summary>The counts by LSOA, month and crime type, as stored.</summary>
    public IEnumerable<(string LsoaCode, string LsoaName, Guid AreaId, int Month, string CrimeType, int Count)> ByLsoa() =>
        _byLsoa.Select(p =>
        {
            var (code, name, area) = _lsoas[p.Key.Lsoa];
            return (code, name, _areas[area].Id, p.Key.Month, _types[p.Key.Type], p.Value);
        });

    private int TypeIndex(string crimeType) => IndexOf(_typeIndex, _types, crimeType);

    private int LsoaIndex(string code, string name)
    {
        if (_lsoaIndex.TryGetValue((code, name), out var index)) return index;
        // The area is the LSOA name without its last word ("Barnet 001A" → "Barnet").
        var space = name.LastIndexOf(' ');
        var area = AreaIndex(areaFor(space > 0 ? name[..space].TrimEnd() : name));
        index = _lsoas.Count;
        _lsoas.Add((code, name, area));
        _lsoaIndex[(code, name)] = index;
        return index;
    }

    private int AreaIndex(Area area) => IndexOf(_areaIndex, _areas, area);

    /// <summary>The value's index in <paramref name="values"/>, appended when first seen (one hashing either way).</summary>
    private static int IndexOf<T>(Dictionary<T, int> index, List<T> values, T value) where T : notnull
    {
        ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(index, value, out var seen);
        if (!seen)
        {
            at = values.Count;
            values.Add(value);
        }
        return at;
    }
}
