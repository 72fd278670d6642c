using Sightline.Core.People;

namespace Sightline.Core.VulnerableAdolescents;

/// <summary>
/// A percentage as the board papers print it: rounded half-up to a whole number, or to one decimal
/// place when below 10% (so 10 of 104 is "9.6%", 27 of 104 is "26%").
/// </summary>
public readonly record struct BoardPercent(decimal Value)
{
    public const string Rule = "Percentages are rounded half-up to whole numbers, except below 10%, where they are rounded half-up to one decimal place.";

    public static BoardPercent Of(int count, int total)
    {
        if (total <= 0) return new BoardPercent(0);
        var exact = count * 100m / total;
        return new BoardPercent(exact < 10m
            ? Math.Round(exact, 1, MidpointRounding.AwayFromZero)
            : Math.Round(exact, 0, MidpointRounding.AwayFromZero));
    }

    public override string ToString() => Value.ToString(Value < 10m ? "0.0" : "0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}

/// <summary>One line of the board summary: how many of the 11–17s have the flag, the share, and how many of those are also open to YOT.</summary>
public sealed record FlagLine(string Flag, string Label, int Count, BoardPercent Percent, int AlsoOpenToYot);

public sealed record IndexSummaryReport(DateOnly Date, int Aged11To17, int Aged18LeavingCare, IReadOnlyList<FlagLine> Flags, int OpenToYotHighRisk)
{
    /// <summary>The summary in the board's words (seed 004 §4.3).</summary>
    public IEnumerable<string> Sentences()
    {
        yield return Aged11To17 == 1 ? "Of the 1 young person (11–17):" : $"Of the {Aged11To17} young people (11–17):";
        foreach (var line in Flags)
        {
            yield return line.Flag switch
            {
                "yot" => $"{line.Count} ({line.Percent}) are also open to YOT ({OpenToYotHighRisk} assessed as High Risk)",
                "neet" => $"{line.Count} ({line.Percent}) are NEET ({line.AlsoOpenToYot} of these are open to YOT)",
                "missing-3-months" => $"{line.Count} ({line.Percent}) have had missing episodes in the past 3 months ({line.AlsoOpenToYot} of these are open to YOT)",
                _ => $"{line.Count} ({line.Percent}) have a ‘{line.Label}’ flag ({line.AlsoOpenToYot} of these are open to YOT)",
            };
        }
    }
}

/// <summary>The board summary of the index on a date (seed 004 §4.2–4.3), as pure arithmetic over the cohort.</summary>
public static class IndexSummary
{
    public static readonly (string Flag, string Label)[] Lines =
    [
        ("yot", "YOT"), ("gangs", "gangs"), ("cse", "CSE"), ("cce", "CCE"), ("neet", "NEET"), ("missing-3-months", "missing in the past 3 months"),
    ];

    public static bool Has(CohortMember member, string flag) => flag switch
    {
        "yot" => member.Yot,
        "gangs" => member.Gangs,
        "cse" => member.Cse,
        "cce" => member.Cce,
        "neet" => member.Neet,
        "missing-3-months" => member.MissingPast3Months,
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "Not a board summary flag."),
    };

    public static IndexSummaryReport Build(IEnumerable<CohortMember> cohort, DateOnly date)
    {
        var members = cohort.ToList();
        var children = members.Where(m => m.Age is >= 11 and <= 17).ToList();
        var leavingCare = members.Count(m => m.Age == 18 && m.CareLeaver);
        var lines = Lines.Select(l =>
        {
            var with = children.Where(m => Has(m, l.Flag)).ToList();
            return new FlagLine(l.Flag, l.Label, with.Count, BoardPercent.Of(with.Count, children.Count), with.Count(m => m.Yot));
        }).ToList();
        return new IndexSummaryReport(date, children.Count, leavingCare, lines, children.Count(m => m.Yot && m.YotLevel == FlagLevel.High));
    }
}
