namespace Sightline.Core.Performance;

/// <summary>
/// Which source's series an indicator uses when more than one source gives it (burglary and robbery come from the
/// MPS borough files and from police.uk). Sources are tried in order — the indicator's own override if configured,
/// else the default order — and the first that has data for the area wins; the page says which one did.
/// Configured as <c>Dashboard:SourcePrecedence</c> (comma-separated, default <c>mps-borough,police-uk</c>) and
/// <c>Dashboard:IndicatorSources:&lt;key&gt;</c> (comma-separated, one indicator).
/// </summary>
public sealed class SourcePrecedence
{
    public static readonly IReadOnlyList<string> DefaultOrder = [PerformanceImports.MpsBoroughSource, PerformanceImports.PoliceUkSource];

    public static SourcePrecedence Default { get; } = new(DefaultOrder);

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _perIndicator;

    public SourcePrecedence(IReadOnlyList<string> order, IReadOnlyDictionary<string, IReadOnlyList<string>>? perIndicator = null)
    {
        Order = order.Count == 0 ? DefaultOrder : order;
        _perIndicator = perIndicator is null
            ? new Dictionary<string, IReadOnlyList<string>>()
            : perIndicator.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>From configuration values: "mps-borough,police-uk" and per-indicator lists by key (blank = default).</summary>
    public static SourcePrecedence Parse(string? order, IEnumerable<KeyValuePair<string, string?>>? perIndicator = null) =>
        new(Split(order), perIndicator?.Where(kv => Split(kv.Value).Count > 0).ToDictionary(kv => kv.Key, kv => Split(kv.Value)));

    private static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).Distinct().ToList();

    /// <summary>The default order of sources.</summary>
    public IReadOnlyList<string> Order { get; }

    /// <summary>The order for one indicator: its override, else the default; then any other source that defines it,
    /// so an indicator only one unlisted source gives still appears.</summary>
    public IReadOnlyList<string> OrderFor(string key)
    {
        var order = _perIndicator.TryGetValue(key, out var own) ? own : Order;
        var defining = Indicators.Definitions.Where(i => string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase)).Select(i => i.Source);
        return order.Concat(defining).Distinct().Where(s => Indicators.Find(key, s) is not null).ToList();
    }

    /// <summary>The definition of <paramref name="key"/> to use: from the first source in order for which
    /// <paramref name="hasData"/> is true, else from the first source in order (which then shows "No data").</summary>
    public Indicator Choose(string key, Func<string, bool> hasData)
    {
        var order = OrderFor(key);
        if (order.Count == 0) throw new ArgumentException($"No source gives the indicator '{key}'.", nameof(key));
        var source = order.FirstOrDefault(hasData) ?? order[0];
        return Indicators.Find(key, source)!;
    }
}
