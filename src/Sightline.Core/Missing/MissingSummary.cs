using Sightline.Core.People;

namespace Sightline.Core.Missing;

/// <summary>What the board figures need of one episode (and of its young person).</summary>
public sealed record EpisodeFact(
    Guid PersonId, DateOnly DateOfBirth, Sex Sex, string? Ethnicity,
    MissingFrom From, DateTime LastSeenAt, DateTime? ReturnedAt,
    DateTime? RhiOfferedAt, bool? RhiAccepted, DateTime? RhiCompletedAt);

public sealed record SummaryGroup(string Key, int YoungPeople, int Episodes);

public sealed record MissingSummaryReport(
    DateOnly From, DateOnly To,
    int YoungPeople, int Episodes, int OpenEpisodes,
    int TopN, int TopNEpisodes, double TopNShare, int Top5Episodes, double Top5Share,
    double? MedianDurationHours, double? LongestDurationHours,
    int RhiOffered, int RhiAccepted, int RhiCompleted, int RhiCompletedWithin72Hours,
    IReadOnlyList<SummaryGroup> ByMonth, IReadOnlyList<SummaryGroup> ByAgeBand, IReadOnlyList<SummaryGroup> BySex,
    IReadOnlyList<SummaryGroup> ByEthnicity, IReadOnlyList<SummaryGroup> ByFrom);

/// <summary>
/// The board's missing figures for a period (seed 003: "134 young people went missing, 900
/// episodes, ~25% of episodes relate to 5 individuals"), as pure arithmetic over the episodes that
/// began in the period (by their London date).
/// </summary>
public static class MissingSummary
{
    public static readonly string[] AgeBands = ["Under 11", "11 to 13", "14 to 15", "16 to 17", "18 and over"];

    public static string AgeBand(int age) => age switch
    {
        < 11 => AgeBands[0],
        <= 13 => AgeBands[1],
        <= 15 => AgeBands[2],
        <= 17 => AgeBands[3],
        _ => AgeBands[4],
    };

    public static MissingSummaryReport Build(IEnumerable<EpisodeFact> allEpisodes, DateOnly from, DateOnly to, int topN = 5)
    {
        if (to < from) throw new ArgumentException("The period ends before it starts.", nameof(to));
        topN = Math.Max(1, topN);
        var episodes = allEpisodes.Where(e => London.DateOf(e.LastSeenAt) is var d && d >= from && d <= to).ToList();
        var total = episodes.Count;
        var perPerson = episodes.GroupBy(e => e.PersonId).Select(g => g.Count()).OrderByDescending(n => n).ToList();
        var top5 = perPerson.Take(5).Sum();
        var topNCount = perPerson.Take(topN).Sum();
        var durations = episodes.Where(e => e.ReturnedAt is not null).Select(e => (e.ReturnedAt!.Value - e.LastSeenAt).TotalHours).Order().ToList();
        var within = episodes.Count(e => e.RhiCompletedAt is { } done && e.ReturnedAt is { } back && done <= back + MissingRules.RhiWindow);

        return new MissingSummaryReport(
            from, to, perPerson.Count, total, episodes.Count(e => e.ReturnedAt is null),
            topN, topNCount, Share(topNCount, total), top5, Share(top5, total),
            Median(durations), durations.Count == 0 ? null : durations[^1],
            // A completed interview was offered and accepted, even where no one wrote down the offer.
            episodes.Count(e => e.RhiOfferedAt is not null || e.RhiCompletedAt is not null),
            episodes.Count(e => e.RhiAccepted == true || e.RhiCompletedAt is not null),
            episodes.Count(e => e.RhiCompletedAt is not null),
            within,
            Group(episodes, e => London.DateOf(e.LastSeenAt).ToString("yyyy-MM"), ordered: true),
            Group(episodes, e => AgeBand(Age.On(e.DateOfBirth, London.DateOf(e.LastSeenAt))), order: AgeBands),
            Group(episodes, e => e.Sex.DisplayName()),
            Group(episodes, e => string.IsNullOrWhiteSpace(e.Ethnicity) ? "Not recorded" : e.Ethnicity!),
            Group(episodes, e => e.From == MissingFrom.Home ? "Home" : "Care", order: ["Home", "Care"]));
    }

    private static double Share(int part, int total) => total == 0 ? 0 : (double)part / total;

    private static double? Median(IReadOnlyList<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    };

    /// <summary>Young people and episodes per group; a young person in two groups (two ages in a year) counts in both.</summary>
    private static List<SummaryGroup> Group(List<EpisodeFact> episodes, Func<EpisodeFact, string> key, bool ordered = false, string[]? order = null)
    {
        var groups = episodes.GroupBy(key).Select(g => new SummaryGroup(g.Key, g.Select(e => e.PersonId).Distinct().Count(), g.Count()));
        if (order is not null) return groups.OrderBy(g => Array.IndexOf(order, g.Key) is var i && i < 0 ? int.MaxValue : i).ToList();
        return ordered ? groups.OrderBy(g => g.Key, StringComparer.Ordinal).ToList() : groups.OrderByDescending(g => g.Episodes).ThenBy(g => g.Key).ToList();
    }
}
