namespace Sightline.Core.Demo;

/// <summary>
/// How much <see cref="LondonScale"/> generates. <see cref="ForPeople"/> scales issue 6's London
/// figures (500,000 people: 1,000,000 flags, 300,000 SEAM assessments, 2,000,000 missing episodes,
/// 20,000 users in 33 partnerships, 10,000,000 audit entries) to any number of people.
/// </summary>
public sealed record LondonScaleOptions(int People, int Seed, long Flags, long Seams, long Missing, int Users, int Partnerships, long Audit, DateOnly Today)
{
    /// <summary>London's 32 boroughs and the City: one safeguarding partnership each.</summary>
    public static readonly string[] Boroughs =
    [
        "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London", "Croydon", "Ealing", "Enfield",
        "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon", "Hounslow", "Islington",
        "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton", "Newham", "Redbridge", "Richmond upon Thames",
        "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster",
    ];

    public static LondonScaleOptions ForPeople(int people, DateOnly today, int seed = 1) => new(
        people, seed,
        Flags: 2L * people,
        Seams: 3L * people / 5,
        Missing: 4L * people,
        Users: Math.Max(DemoPartnership.Accounts.Length, people / 25),
        Partnerships: Math.Min(Boroughs.Length, Math.Max(1, people / 1_000)),
        Audit: 20L * people,
        today);

    /// <summary>What is wrong with these numbers, or null.</summary>
    public string? Problem() => this switch
    {
        { People: < 1 } => "--people must be at least 1",
        { Partnerships: < 1 } or { Partnerships: > 33 } => $"--partnerships must be between 1 and {Boroughs.Length} (London's boroughs and the City)",
        _ when Users < Partnerships * 2 => "--users must be at least twice --partnerships (a practitioner and a manager in each)",
        _ when Flags < 0 || Seams < 0 || Missing < 0 || Audit < 0 => "counts cannot be negative",
        _ when Flags > (long)People * Sightline.Core.People.FlagTypes.Standard.Count => $"--flags can be at most {Sightline.Core.People.FlagTypes.Standard.Count} a person",
        _ => null,
    };
}
