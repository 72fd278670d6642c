using Sightline.Core.People;

namespace Sightline.Core.Demo;

/// <summary>
/// Invented young people for demos, tests and benchmarks. Deterministic for a given seed, so a
/// benchmark or a test sees the same population every run. No real person's data is used.
/// </summary>
public sealed class SyntheticPeople(int seed)
{
    private static readonly string[] FemaleNames = ["Amara", "Bella", "Chloe", "Deja", "Esme", "Farah", "Grace", "Hana", "Imani", "Jade", "Kira", "Layla", "Maya", "Nia", "Orla", "Priya", "Ruby", "Sana", "Tia", "Zara", "Aisha", "Leah", "Mia", "Poppy", "Yasmin"];
    private static readonly string[] MaleNames = ["Aaron", "Bilal", "Callum", "Dami", "Elijah", "Femi", "George", "Hassan", "Isaac", "Jayden", "Kai", "Luca", "Malik", "Nathan", "Omar", "Reuben", "Sami", "Tyler", "Yusuf", "Zane", "Adam", "Kofi", "Liam", "Ravi", "Theo"];
    private static readonly string[] LastNames = ["Adeyemi", "Bennett", "Campbell", "Demir", "Edwards", "Fofana", "Green", "Hussain", "Ibrahim", "Johnson", "Kowalski", "Lewis", "Mensah", "Novak", "Okafor", "Patel", "Quinn", "Robinson", "Shah", "Thompson", "Usman", "Varga", "Walker", "Xavier", "Yilmaz", "Zielinski", "Ahmed", "Brown", "Clarke", "Da Silva", "Evans", "Francis", "Gordon", "Hughes", "Khan", "Murphy", "O'Neill", "Popescu", "Reid", "Stewart"];
    private static readonly string[] Ethnicities = ["White British", "White Irish", "White other", "Black African", "Black Caribbean", "Black other", "Asian Indian", "Asian Pakistani", "Asian Bangladeshi", "Asian other", "Mixed White and Black Caribbean", "Mixed other", "Other ethnic group", "Not known"];
    private static readonly string[] Streets = ["Elm Road", "Station Parade", "Church Lane", "Victoria Avenue", "Mill Hill Close", "Park View", "Brent Street", "Oak Gardens", "Queens Way", "Holly Court"];
    private static readonly string[] Postcodes = ["NW4 1AA", "NW9 6BB", "N12 8CC", "EN5 2DD", "HA8 7EE", "NW7 3FF", "N3 1GG", "N11 2HH", "NW11 7JJ", "EN4 9LL"];

    private readonly Random _random = new(seed);

    public sealed record Generated(Person Person, IReadOnlyList<(string FlagKey, FlagLevel? Level, DateOnly Start, DateOnly? End)> Flags, IReadOnlyList<int> ExtraAgencyIndexes);

    /// <summary>One synthetic young person aged 10–25 (most 13–17) as of <paramref name="today"/>.</summary>
    public Generated Next(DateOnly today, DateTime createdAt, Guid createdBy)
    {
        var female = _random.NextDouble() < 0.45;
        var age = _random.NextDouble() switch
        {
            < 0.10 => _random.Next(10, 13),
            < 0.80 => _random.Next(13, 18),
            _ => _random.Next(18, 26),
        };
        var dob = today.AddYears(-age).AddDays(-_random.Next(0, 364));
        var person = new Person
        {
            FirstName = Pick(female ? FemaleNames : MaleNames),
            LastName = Pick(LastNames),
            DateOfBirth = dob,
            Sex = female ? Sex.Female : Sex.Male,
            Ethnicity = Pick(Ethnicities),
            Address = $"{_random.Next(1, 200)} {Pick(Streets)}, London",
            Postcode = Pick(Postcodes),
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            CreatedByUserId = createdBy,
        };
        var flags = new List<(string, FlagLevel?, DateOnly, DateOnly?)>();
        DateOnly Since() => today.AddDays(-_random.Next(10, 900));
        void Maybe(string key, double chance, bool level = false)
        {
            if (_random.NextDouble() >= chance) return;
            var start = Since();
            DateOnly? end = _random.NextDouble() < 0.15 ? start.AddDays(_random.Next(1, Math.Max(2, today.DayNumber - start.DayNumber))) : null;
            if (end > today) end = null;
            flags.Add((key, level ? (FlagLevel)_random.Next(0, 3) : null, start, end));
        }
        if (age is >= 10 and <= 17) Maybe("yot", 0.25, level: true);
        Maybe("gangs", 0.18);
        Maybe("cse", 0.10);
        Maybe("cce", 0.12);
        if (age >= 16) Maybe("neet", 0.30);
        if (age < 18) Maybe("looked-after", 0.15);
        if (age >= 18) Maybe("care-leaver", 0.45);
        if (age < 18) Maybe("child-in-need", 0.25);
        if (age < 18) Maybe("child-protection", 0.07);
        person.LegalStatus = flags.Any(f => f.Item1 == "looked-after" && f.Item4 is null) ? LegalStatus.LookedAfterCareOrder
            : flags.Any(f => f.Item1 == "care-leaver") ? LegalStatus.CareLeaver
            : flags.Any(f => f.Item1 == "child-protection") ? LegalStatus.ChildProtectionPlan
            : flags.Any(f => f.Item1 == "child-in-need") ? LegalStatus.ChildInNeed : LegalStatus.None;
        person.RefreshSearchName();
        var extras = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => _random.Next(0, 100)).Distinct().ToList();
        return new Generated(person, flags, extras);
    }

    public string ContactName() => $"{Pick(_random.NextDouble() < 0.5 ? FemaleNames : MaleNames)} {Pick(LastNames)}";

    public int Number(int max) => _random.Next(max);

    public int Number(int min, int max) => _random.Next(min, max);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
