using System.Text.RegularExpressions;

namespace Sightline.Core.Assessments;

/// <summary>A phrase that blames a child for their own exploitation, found in some text, with what to write instead.</summary>
public sealed record LanguageMatch(string Field, string Found, string Phrase, IReadOnlyList<string> Alternatives);

/// <summary>
/// The partnership's CSE/CCE language guidance (seed 002 Appendix 4): phrases that place the
/// responsibility on the child, each with the seed's suggested alternatives. Sightline offers
/// the alternatives as guidance; it never blocks a save, because the words are the practitioner's.
/// </summary>
public static partial class LanguageGuidance
{
    private sealed record Rule(string Phrase, Regex Pattern, string[] Alternatives);

    private static readonly Rule[] Rules =
    [
        new("Putting themselves at risk", PuttingAtRisk(),
        [
            "The child may have been groomed.",
            "The child is at an increased vulnerability to being abused or exploited.",
            "A perpetrator may exploit the child’s increased vulnerability.",
            "The location or situation could increase a perpetrator’s opportunity to abuse them.",
            "It is not clear if the child is under duress to go missing.",
            "There is concern that a power imbalance is forcing the child to act in this way.",
        ]),
        new("Sexual activity with…", SexualActivityWith(),
        [
            "They have been sexually abused.",
            "They have been raped.",
            "Allegation of sexual abuse.",
            "The child has described sexual activity, however concerns exist that they may have been groomed or coerced.",
        ]),
        new("Following in the footsteps of their older sibling", FollowingFootsteps(),
        [
            "Exploitative relationships and coercion may represent a ‘normal’ relationship pattern for them.",
            "They are feeling pressure to adopt a similar narrative to their older sibling.",
        ]),
        new("Engaged with criminal activity, groups or gangs", EngagedWithCrime(),
        [
            "They have been criminally exploited.",
            "They have been groomed and coerced to commit crime or violent acts.",
            "They are being trafficked for transporting drugs.",
            "It is unsafe for the young person to break ties with the people coercing them.",
        ]),
        new("Violent and a habitual knife carrier", KnifeCarrier(),
        [
            "The young person has potentially experienced trauma.",
            "They are scared, and trying to find ways to feel safe and protect themselves.",
        ]),
        new("Refuses to engage", RefusesToEngage(),
        [
            "The young person is potentially being coerced to become increasingly isolated from their family and safe professionals.",
            "We need to find what works for the young person; so far we have not found it.",
            "The pull of the coercion and control is significant.",
        ]),
        new("Sexually active (under 13)", SexuallyActiveSince(),
        [
            "Raped.",
            "Concerns exist that the child may have been coerced, exploited or sexually abused.",
            "The child may have been sexually abused.",
        ]),
    ];

    public static IReadOnlyList<LanguageMatch> Check(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var matches = new List<LanguageMatch>();
        foreach (var rule in Rules)
        {
            try
            {
                var match = rule.Pattern.Match(text);
                if (match.Success) matches.Add(new LanguageMatch(field, match.Value, rule.Phrase, rule.Alternatives));
            }
            catch (RegexMatchTimeoutException)
            {
                // Guidance is a courtesy: a pathological text gets none rather than an error.
            }
        }
        return matches;
    }

    public static IReadOnlyList<LanguageMatch> Check(IEnumerable<(string Field, string? Text)> texts) =>
        texts.SelectMany(t => Check(t.Field, t.Text)).ToList();

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?:putting|puts|put|placing|places|placed)\s+(?:themselves|themself|himself|herself)\s+(?:at|in)\s+(?:risk|danger)\b", Options, 250)]
    private static partial Regex PuttingAtRisk();

    [GeneratedRegex(@"\bsexual\s+activity\s+with\b", Options, 250)]
    private static partial Regex SexualActivityWith();

    [GeneratedRegex(@"\bfollow(?:s|ing|ed)?\s+in\s+(?:the\s+)?(?:his|her|their)?\s*(?:older\s+)?(?:sibling'?s?|brother'?s?|sister'?s?)?\s*footsteps\b|\bfootsteps\s+of\s+(?:his|her|their)\s+(?:older\s+)?(?:sibling|brother|sister)", Options, 250)]
    private static partial Regex FollowingFootsteps();

    [GeneratedRegex(@"\b(?:engaged|engaging|involved)\s+(?:with|in)\s+(?:criminal\s+(?:activity|activities|groups?)|gangs?)\b", Options, 250)]
    private static partial Regex EngagedWithCrime();

    [GeneratedRegex(@"\bhabitual\s+knife[-\s]carrier\b|\bviolent\s+and\s+(?:a\s+)?(?:habitual\s+)?knife", Options, 250)]
    private static partial Regex KnifeCarrier();

    [GeneratedRegex(@"\b(?:refuses|refused|refusing|refusal)\s+to\s+engage\b|\bwon'?t\s+engage\b|\bunwilling\s+to\s+engage\b", Options, 250)]
    private static partial Regex RefusesToEngage();

    [GeneratedRegex(@"\bsexually\s+active\s+since\b", Options, 250)]
    private static partial Regex SexuallyActiveSince();
}
