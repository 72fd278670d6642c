namespace Sightline.Core.Dashboard;

/// <summary>A position among the areas of a group that have data: "8/32".</summary>
public readonly record struct Rank(int Position, int Of, bool Tied)
{
    public string Text => $"{Position}/{Of}";

    /// <summary>In the better half: position × 2 ≤ Of, i.e. 1–16 of 32, 1–7 of 15. The middle place of an odd
    /// group is not in the better half (it is not better than most), so it does not count as positive.</summary>
    public bool InBetterHalf => Position * 2 <= Of;

    public override string ToString() => Text;
}

/// <summary>
/// Peer ranks of a rate (seed 001: "Rank 1 = best (i.e. lowest rate)"). Only areas with a rate take part,
/// and <see cref="Rank.Of"/> says how many did. Ties share a place and the next place is skipped
/// (standard competition ranking: 1, 2, 2, 4), so a shared place never flatters an area. For a
/// "higher is better" indicator (e.g. confidence) 1 is the highest. Rates are compared exactly, not as displayed.
/// </summary>
public static class PeerRanks
{
    public const string Rule =
        "Rank 1 = best: the lowest rate (the highest for indicators where higher is better), over the areas in the group that have data. " +
        "Areas with equal rates share a rank and the next rank is skipped (1, 2, 2, 4).";

    /// <summary>The rank of <paramref name="area"/>, or null when it has no rate or is not in the group.</summary>
    public static Rank? Of<TArea>(TArea area, IReadOnlyDictionary<TArea, double?> ratesByArea, Polarity polarity)
        where TArea : notnull
    {
        if (!ratesByArea.TryGetValue(area, out var own) || own is not { } mine || !double.IsFinite(mine)) return null;
        var others = ratesByArea.Values.Where(r => r is { } x && double.IsFinite(x)).Select(r => r!.Value).ToList();
        var better = others.Count(r => polarity == Polarity.LowerIsBetter ? r < mine : r > mine);
        var equal = others.Count(r => r == mine);
        return new Rank(better + 1, others.Count, equal > 1);
    }

    /// <summary>Every area's rank in the group (for rank charts); areas without data are left out.</summary>
    public static IReadOnlyDictionary<TArea, Rank> All<TArea>(IReadOnlyDictionary<TArea, double?> ratesByArea, Polarity polarity)
        where TArea : notnull =>
        ratesByArea.Keys.Select(a => (a, r: Of(a, ratesByArea, polarity))).Where(x => x.r is not null)
            .ToDictionary(x => x.a, x => x.r!.Value);
}
