namespace Sightline.Core.Performance;

/// <summary>The areas and groups every database has: the 32 London boroughs and Barnet's most similar group.</summary>
public static class ReferenceAreas
{
    /// <summary>The 32 London boroughs, named as the MPS files spell them, with their ONS codes (LA_Names_And_Codes_2019).</summary>
    public static readonly IReadOnlyList<(string Name, string Code)> LondonBoroughs =
    [
        ("Barking and Dagenham", "E09000002"), ("Barnet", "E09000003"), ("Bexley", "E09000004"), ("Brent", "E09000005"),
        ("Bromley", "E09000006"), ("Camden", "E09000007"), ("Croydon", "E09000008"), ("Ealing", "E09000009"),
        ("Enfield", "E09000010"), ("Greenwich", "E09000011"), ("Hackney", "E09000012"), ("Hammersmith and Fulham", "E09000013"),
        ("Haringey", "E09000014"), ("Harrow", "E09000015"), ("Havering", "E09000016"), ("Hillingdon", "E09000017"),
        ("Hounslow", "E09000018"), ("Islington", "E09000019"), ("Kensington and Chelsea", "E09000020"), ("Kingston upon Thames", "E09000021"),
        ("Lambeth", "E09000022"), ("Lewisham", "E09000023"), ("Merton", "E09000024"), ("Newham", "E09000025"),
        ("Redbridge", "E09000026"), ("Richmond upon Thames", "E09000027"), ("Southwark", "E09000028"), ("Sutton", "E09000029"),
        ("Tower Hamlets", "E09000030"), ("Waltham Forest", "E09000031"), ("Wandsworth", "E09000032"), ("Westminster", "E09000033"),
    ];

    /// <summary>Rows of the MPS files that are not boroughs: kept as areas of kind Other, out of borough ranks.</summary>
    public static readonly IReadOnlyList<string> MpsNonBoroughs = ["London Heathrow and London City Airports", "Unknown"];

    public const string LondonGroup = "london";
    public const string BarnetMostSimilarGroup = "barnet-msg";

    /// <summary>
    /// Barnet's "Most Similar Group" (seed 001, glossary note *1): 15 areas, ten London boroughs and five
    /// areas outside London that the MPS files do not cover (kind Other, no data).
    /// </summary>
    public static readonly IReadOnlyList<string> BarnetMostSimilar =
    [
        "Barnet", "Wandsworth", "Bromley", "Harrow", "Croydon", "Bournemouth", "Ealing", "Brighton & Hove",
        "Sutton", "Brent", "Southend-on-Sea", "Cheltenham", "Eastbourne", "Enfield", "Waltham Forest",
    ];
}
