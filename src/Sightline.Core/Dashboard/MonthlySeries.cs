namespace Sightline.Core.Dashboard;

/// <summary>
/// Monthly counts for one area and one indicator. A month that is absent is "no data" (not
/// published, not imported), never zero: a real zero is stored as 0. Any window sum that touches a
/// month without data is <c>null</c> — an incomplete window would silently understate a volume and
/// turn a gap in the data into an apparent fall in crime.
/// </summary>
public sealed class MonthlySeries
{
    private readonly SortedDictionary<YearMonth, long> _counts;

    public MonthlySeries(IEnumerable<KeyValuePair<YearMonth, long>> counts)
    {
        _counts = new SortedDictionary<YearMonth, long>();
        foreach (var (month, count) in counts)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(counts), count, $"A count cannot be negative ({month}).");
            if (!_counts.TryAdd(month, count)) throw new ArgumentException($"Month {month} given twice.", nameof(counts));
        }
    }

    /// <summary>Consecutive months from <paramref name="first"/>; a <c>null</c> entry is a month without data.</summary>
    public static MonthlySeries FromConsecutive(YearMonth first, params long?[] counts) =>
        new(counts.Select((c, i) => (c, i)).Where(x => x.c.HasValue)
            .Select(x => new KeyValuePair<YearMonth, long>(first.AddMonths(x.i), x.c!.Value)));

    public static MonthlySeries Empty { get; } = new([]);

    public int Count => _counts.Count;

    public IEnumerable<KeyValuePair<YearMonth, long>> Months => _counts;

    /// <summary>The latest month with data, or null for an empty series.</summary>
    public YearMonth? Latest => _counts.Count == 0 ? null : _counts.Keys.Last();

    public YearMonth? Earliest => _counts.Count == 0 ? null : _counts.Keys.First();

    /// <summary>The count for a month, or null when that month has no data.</summary>
    public long? this[YearMonth month] => _counts.TryGetValue(month, out var c) ? c : null;

    public bool HasData(YearMonth month) => _counts.ContainsKey(month);

    /// <summary>Whether any month in a window has data.</summary>
    public bool HasAnyData(PeriodWindow window)
    {
        for (var m = window.First; m <= window.Last; m = m.AddMonths(1))
            if (_counts.ContainsKey(m)) return true;
        return false;
    }

    /// <summary>The total over a window, or null unless every month in it has data.</summary>
    public long? Sum(PeriodWindow window)
    {
        long total = 0;
        for (var m = window.First; m <= window.Last; m = m.AddMonths(1))
        {
            if (!_counts.TryGetValue(m, out var c)) return null;
            total += c;
        }
        return total;
    }

    /// <summary>The months in a window that have no data (what the page says when a volume is missing).</summary>
    public IReadOnlyList<YearMonth> MissingMonths(PeriodWindow window)
    {
        var missing = new List<YearMonth>();
        for (var m = window.First; m <= window.Last; m = m.AddMonths(1))
            if (!_counts.ContainsKey(m)) missing.Add(m);
        return missing;
    }

    /// <summary>Adds series month by month (an indicator made of several source categories, e.g. MOPAC7).
    /// A month is present in the result only when it is present in every part, for the same reason sums are.</summary>
    public static MonthlySeries Combine(IEnumerable<MonthlySeries> parts)
    {
        var list = parts.ToList();
        if (list.Count == 0) return Empty;
        var months = list[0]._counts.Keys.Where(m => list.All(p => p._counts.ContainsKey(m)));
        return new(months.Select(m => new KeyValuePair<YearMonth, long>(m, list.Sum(p => p._counts[m]))));
    }
}
