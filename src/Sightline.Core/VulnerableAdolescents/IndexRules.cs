using Sightline.Core.Assessments;
using Sightline.Core.People;

namespace Sightline.Core.VulnerableAdolescents;

/// <summary>A current flag on the date asked about.</summary>
public sealed record FlagFact(string Key, FlagLevel? Level, DateOnly StartDate);

/// <summary>An approved SEAM assessment: in force from its approval until the one that superseded it was approved.</summary>
public sealed record SeamFact(DateTime ApprovedAt, DateTime? SupersededAt, RiskLevel Level);

/// <summary>Everything the index rules and the board summary need of one young person on one date.</summary>
public sealed record PersonFacts(
    Guid PersonId, string Reference, string FullName, DateOnly DateOfBirth, LegalStatus LegalStatus,
    IReadOnlyList<FlagFact> Flags,
    IReadOnlyList<IndexEntry> Entries,
    IReadOnlyList<SeamFact> Assessments,
    IReadOnlyList<DateTime> ReferralsOpenSince,
    IReadOnlyList<DateTime> EpisodesLastSeen);

/// <summary>A young person on the index on a date, with why and since when, and the flags the index page shows.</summary>
public sealed record CohortMember(
    Guid PersonId, string Reference, string FullName, int Age, DateOnly Since, IReadOnlyList<string> Reasons,
    bool Yot, FlagLevel? YotLevel, bool Gangs, bool Cse, bool Cce, bool Neet, bool MissingPast3Months,
    bool LookedAfter, bool CareLeaver, RiskLevel? SeamLevel);

/// <summary>
/// Who is on the Vulnerable Adolescents Index on a date (DOMAIN.md §1, seed 004 §4.2): aged 11–18
/// and there by a practitioner's decision, or by rule — on a panel, a SEAM in force at Medium or
/// above, or a CSE, CCE/county-lines or gangs flag (rules in <see cref="IndexSettings"/>).
/// </summary>
public static class IndexRules
{
    private static readonly RiskLevel[] MediumOrAbove = [RiskLevel.Medium, RiskLevel.High, RiskLevel.VeryHigh];

    /// <summary>The SEAM in force on the date (approved by its end, not yet superseded by then), if any.</summary>
    public static SeamFact? SeamInForce(IEnumerable<SeamFact> assessments, DateOnly date)
    {
        var endOfDay = London.StartOf(date.AddDays(1));
        return assessments.Where(a => a.ApprovedAt < endOfDay && (a.SupersededAt is null || a.SupersededAt >= endOfDay))
            .MaxBy(a => a.ApprovedAt);
    }

    public static bool MissingInPast3Months(IEnumerable<DateTime> lastSeen, DateOnly date)
    {
        var from = London.StartOf(date.AddMonths(-3));
        var to = London.StartOf(date.AddDays(1));
        return lastSeen.Any(t => t >= from && t < to);
    }

    public static CohortMember? Evaluate(PersonFacts person, DateOnly date, IndexSettings settings)
    {
        var age = Age.On(person.DateOfBirth, date);
        if (age < settings.MinimumAge || age > settings.MaximumAge) return null;

        var reasons = new List<(string Reason, DateOnly Since)>();
        foreach (var entry in person.Entries.Where(e => e.IsActiveOn(date)))
            reasons.Add(($"Added by a practitioner: {entry.Reason}", entry.StartDate));
        foreach (var flag in person.Flags.Where(f => settings.Flags.Contains(f.Key)))
            reasons.Add(($"{FlagLabel(flag.Key)} flag", flag.StartDate));
        var seam = SeamInForce(person.Assessments, date);
        if (settings.SeamMediumOrAbove && seam is not null && MediumOrAbove.Contains(seam.Level))
            reasons.Add(($"SEAM {seam.Level.DisplayName()}", London.DateOf(seam.ApprovedAt)));
        var endOfDay = London.StartOf(date.AddDays(1));
        if (settings.OnAPanel && person.ReferralsOpenSince.Where(r => r < endOfDay).Order().FirstOrDefault() is var referred && referred != default)
            reasons.Add(("Referred to the exploitation panel (MACE)", London.DateOf(referred)));
        if (reasons.Count == 0) return null;

        bool Has(string key) => person.Flags.Any(f => f.Key == key);
        var yot = person.Flags.FirstOrDefault(f => f.Key == "yot");
        return new CohortMember(
            person.PersonId, person.Reference, person.FullName, age, reasons.Min(r => r.Since), reasons.Select(r => r.Reason).ToList(),
            yot is not null, yot?.Level, Has("gangs"), Has("cse"), Has("cce"), Has("neet"), MissingInPast3Months(person.EpisodesLastSeen, date),
            Has("looked-after") || person.LegalStatus is LegalStatus.LookedAfterSection20 or LegalStatus.LookedAfterCareOrder,
            Has("care-leaver") || person.LegalStatus == LegalStatus.CareLeaver,
            seam?.Level);
    }

    private static string FlagLabel(string key) => key switch
    {
        "cse" => "CSE",
        "cce" => "CCE / county lines",
        "gangs" => "Gangs",
        _ => FlagTypes.Standard.FirstOrDefault(t => t.Key == key)?.Name ?? key,
    };
}
