using Sightline.Core.Demo;
using Sightline.Core.People;

namespace Sightline.Core.Tests;

public sealed class SyntheticPeopleTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static List<SyntheticPeople.Generated> Make(int seed, int count)
    {
        var generator = new SyntheticPeople(seed);
        return Enumerable.Range(0, count).Select(_ => generator.Next(Today, DateTime.UtcNow, Guid.Empty)).ToList();
    }

    [Fact]
    public void The_same_seed_gives_the_same_people()
    {
        var a = Make(7, 50).Select(g => (g.Person.FirstName, g.Person.LastName, g.Person.DateOfBirth, g.Flags.Count));
        var b = Make(7, 50).Select(g => (g.Person.FirstName, g.Person.LastName, g.Person.DateOfBirth, g.Flags.Count));
        Assert.Equal(a, b);
        Assert.NotEqual(a, Make(8, 50).Select(g => (g.Person.FirstName, g.Person.LastName, g.Person.DateOfBirth, g.Flags.Count)));
    }

    [Fact]
    public void Ages_are_plausible_for_young_people_and_flags_fit_the_age()
    {
        var people = Make(2017, 2000);
        Assert.All(people, g => Assert.InRange(g.Person.AgeOn(Today), 10, 25));
        Assert.True(people.Count(g => g.Person.AgeOn(Today) is >= 13 and <= 17) > people.Count / 2, "most are 13–17, as in the seeds' cohorts");
        Assert.All(people.Where(g => g.Flags.Any(f => f.FlagKey == "care-leaver")), g => Assert.True(g.Person.AgeOn(Today) >= 18));
        Assert.All(people.SelectMany(g => g.Flags.Where(f => f.FlagKey == "yot")), f => Assert.NotNull(f.Level));
        Assert.All(people.SelectMany(g => g.Flags), f => Assert.True(f.End is null || (f.End >= f.Start && f.End <= Today)));
        Assert.All(people, g => Assert.Equal(NameSearch.Normalise($"{g.Person.FirstName} {g.Person.LastName}"), g.Person.SearchName));
    }
}
