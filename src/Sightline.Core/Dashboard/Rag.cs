namespace Sightline.Core.Dashboard;

public enum RagRating
{
    Green,
    Amber,
    Red,
}

/// <summary>One measure behind a rating and its sentence. <see cref="Positive"/> is null for a measure that
/// is shown but does not count (no change).</summary>
public sealed record RagFactor(RagMeasure Measure, string Text, bool? Positive);

public enum RagMeasure
{
    RecentQuarter,
    Rolling12,
    LondonRank,
    SimilarGroupRank,
}

/// <summary>The measures an indicator is rated on; any of them may be missing (no data).</summary>
public sealed record RagInput(
    Polarity Polarity,
    double? RecentQuarterChangePercent,
    double? Rolling12ChangePercent,
    Rank? LondonRank,
    Rank? SimilarGroupRank);

public sealed record RagResult(RagRating? Rating, IReadOnlyList<RagFactor> Factors)
{
    public int Positives => Factors.Count(f => f.Positive == true);
    public int Negatives => Factors.Count(f => f.Positive == false);
}

/// <summary>
/// The seed's RAG (001 glossary): "Green – All performance indicators positive; Amber – Mixed;
/// Red – All or nearly all negative", with the measures shown beside the rating.
/// </summary>
public static class Rag
{
    public const string Rule =
        "Each indicator is rated on four measures: the change in the recent quarter, the change in the rolling 12 months, " +
        "the London rank and the similar group rank. A change is positive when it moves the right way for the indicator " +
        "(a fall in crime, a rise in confidence) and negative when it moves the wrong way; no change, or no data, does not count. " +
        "A rank is positive in the better half of the areas ranked (e.g. 1–16 of 32, 1–7 of 15) and negative otherwise. " +
        "Green: every counted measure positive. Red: every counted measure negative, or all but one when three or more count. " +
        "Amber: any other mix. No rating when no measure counts.";

    public static RagResult Assess(RagInput input)
    {
        var factors = new List<RagFactor>();
        if (ChangeFactor(RagMeasure.RecentQuarter, input.RecentQuarterChangePercent, input.Polarity) is { } q) factors.Add(q);
        if (ChangeFactor(RagMeasure.Rolling12, input.Rolling12ChangePercent, input.Polarity) is { } r) factors.Add(r);
        if (input.LondonRank is { } london) factors.Add(RankFactor(RagMeasure.LondonRank, london, input.Polarity));
        if (input.SimilarGroupRank is { } similar) factors.Add(RankFactor(RagMeasure.SimilarGroupRank, similar, input.Polarity));
        var result = new RagResult(null, factors);
        return result with { Rating = RatingOf(result.Positives, result.Negatives) };
    }

    /// <summary>The rating from counts of positive and negative measures (see <see cref="Rule"/>). "Nearly all" is read as
    /// "all but one" only when at least three measures count: with two, one each way is plainly mixed.</summary>
    public static RagRating? RatingOf(int positives, int negatives)
    {
        if (positives < 0 || negatives < 0) throw new ArgumentOutOfRangeException(nameof(positives), "Counts cannot be negative.");
        var counted = positives + negatives;
        if (counted == 0) return null;
        if (negatives == 0) return RagRating.Green;
        if (positives == 0 || (counted >= 3 && positives == 1)) return RagRating.Red;
        return RagRating.Amber;
    }

    /// <summary>"Decrease in rolling 12 months", "Increase in recent quarter", "No change in recent quarter"; null without data.</summary>
    public static RagFactor? ChangeFactor(RagMeasure measure, double? changePercent, Polarity polarity)
    {
        if (changePercent is not { } change) return null;
        var period = measure switch
        {
            RagMeasure.RecentQuarter => "recent quarter",
            RagMeasure.Rolling12 => "rolling 12 months",
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a change measure."),
        };
        if (change == 0) return new RagFactor(measure, $"No change in {period}", null);
        var fell = change < 0;
        return new RagFactor(measure, $"{(fell ? "Decrease" : "Increase")} in {period}", fell == (polarity == Polarity.LowerIsBetter));
    }

    /// <summary>"6th lowest of all 32 boroughs", "3rd lowest in the similar group" ("highest" where higher is better;
    /// "joint 2nd lowest" when the rate is shared).</summary>
    public static RagFactor RankFactor(RagMeasure measure, Rank rank, Polarity polarity)
    {
        var place = $"{(rank.Tied ? "joint " : "")}{Ordinal.Of(rank.Position)} {(polarity == Polarity.LowerIsBetter ? "lowest" : "highest")}";
        var text = measure switch
        {
            RagMeasure.LondonRank => $"{place} of all {rank.Of} boroughs",
            RagMeasure.SimilarGroupRank => $"{place} in the similar group",
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a rank measure."),
        };
        return new RagFactor(measure, text, rank.InBetterHalf);
    }
}
