namespace Sightline.Core.Assessments;

/// <summary>One area of the SAFEGUARD screen: its letter, its key (for the API) and the seed's description of what counts.</summary>
public sealed record SafeguardArea(string Key, char Letter, string Title, string Guidance);

/// <summary>
/// The nine SAFEGUARD areas (seed 002 Appendix 2, 001 §4). A practitioner, or a foster carer, uses
/// them to decide whether to consider a strategy meeting and the SEAM process. The text is the seed's.
/// </summary>
public static class SafeguardAreas
{
    public static readonly IReadOnlyList<SafeguardArea> All =
    [
        new("sexual-health", 'S', "Sexual health and behaviour",
            "Concerns of sexually transmitted infections, pregnancy and termination; inappropriate sexualised behaviour."),
        new("absent", 'A', "Absent from school or running away",
            "Episodes of truancy or periods of being missing from home or care."),
        new("familial-abuse", 'F', "Familial abuse",
            "Problems at home – familial sexual abuse, physical abuse, emotional abuse, neglect, risk of forced marriage or honour-based violence; domestic violence; substance misuse; parental mental health concerns; parental criminality; experience of homelessness; looked after child."),
        new("emotional-physical", 'E', "Emotional and physical condition",
            "Thoughts of or attempted suicide or self-harming; low self-esteem or self-confidence; problems relating to sexual orientation; learning difficulties; poor mental health; unexplained injuries or changes in physical appearance."),
        new("gangs", 'G', "Gangs, older age groups and involvement in crime",
            "Involvement in crime; direct involvement with gang members or living in a gang-afflicted community; involvement with older individuals or lacking friends from the same age group; contact with other individuals who are sexually exploited."),
        new("technology", 'U', "Use of technology and sexual bullying",
            "Evidence of ‘sexting’, sexualised communication online or problematic use of the internet and social networking sites."),
        new("alcohol-drugs", 'A', "Alcohol and drug misuse",
            "Concerns regarding alcohol and or substance use."),
        new("gifts-money", 'R', "Receipt of unexplained gifts or money",
            "Unexplained finances, including phone credit, clothes and money."),
        new("distrust-authority", 'D', "Distrust of authority figures",
            "Resistance to communicating with parents, carers, teachers, social services, health, police and others."),
    ];

    public static SafeguardArea? Find(string? key) => All.FirstOrDefault(a => a.Key == key);

    /// <summary>Other spellings callers use for an area (the SEAM domain names among them), so an API client is not refused over a word.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sexual-health-behaviour"] = "sexual-health", ["sexual-health-and-behaviour"] = "sexual-health", ["sexual"] = "sexual-health",
        ["absent-missing"] = "absent", ["absent-from-school"] = "absent", ["missing"] = "absent", ["running-away"] = "absent",
        ["familial"] = "familial-abuse",
        ["emotional"] = "emotional-physical", ["emotional-physical-condition"] = "emotional-physical", ["emotional-and-physical-condition"] = "emotional-physical",
        ["gangs-risky-adults"] = "gangs", ["gangs-crime"] = "gangs", ["gangs-older-age-groups"] = "gangs",
        ["use-of-technology"] = "technology", ["technology-sexual-bullying"] = "technology",
        ["alcohol-drug-misuse"] = "alcohol-drugs", ["alcohol-and-drugs"] = "alcohol-drugs", ["alcohol-drug"] = "alcohol-drugs",
        ["receipt-of-gifts"] = "gifts-money", ["unexplained-gifts"] = "gifts-money", ["recognition-gifts"] = "gifts-money", ["gifts"] = "gifts-money",
        ["receipt-of-unexplained-gifts-or-money"] = "gifts-money",
        ["distrust-of-authority"] = "distrust-authority", ["distrust-of-authority-figures"] = "distrust-authority", ["authority"] = "distrust-authority",
        ["authority-education"] = "distrust-authority", ["distrust"] = "distrust-authority",
    };

    /// <summary>The area's key for a key or a known alias (any case); null when it is not an area.</summary>
    public static string? Resolve(string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        var trimmed = key.Trim();
        if (All.FirstOrDefault(a => string.Equals(a.Key, trimmed, StringComparison.OrdinalIgnoreCase)) is { } area) return area.Key;
        return Aliases.TryGetValue(trimmed, out var canonical) ? canonical : null;
    }
}
