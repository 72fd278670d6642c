using Sightline.Core.People;

namespace Sightline.Core.Tests;

public sealed class PersonRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("2010-11-22", 16)]
    [InlineData("2010-11-23", 15)]
    [InlineData("2008-02-29", 18)]
    public void Age_counts_whole_years(string dob, int expected) =>
        Assert.Equal(expected, Age.On(DateOnly.Parse(dob), Today));

    [Fact]
    public void A_leap_day_birthday_is_reached_on_1_March_in_other_years()
    {
        Assert.Equal(17, Age.On(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 28)));
        Assert.Equal(18, Age.On(new DateOnly(2008, 2, 29), new DateOnly(2026, 3, 1)));
    }

    private static PersonInput Valid => new() { FirstName = "Amara", LastName = "Okafor", DateOfBirth = new DateOnly(2010, 3, 27), Sex = Sex.Female };

    [Fact]
    public void A_complete_person_is_valid() => Assert.False(Valid.Validate(Today).Any);

    [Fact]
    public void A_date_of_birth_in_the_future_is_refused()
    {
        var errors = (Valid with { DateOfBirth = Today.AddDays(1) }).Validate(Today);
        Assert.Equal("Date of birth must be in the past", errors.ToDictionary()["dateOfBirth"][0]);
    }

    [Fact]
    public void Someone_over_25_is_not_a_young_person() =>
        Assert.True((Valid with { DateOfBirth = new DateOnly(1990, 1, 1) }).Validate(Today).ToDictionary().ContainsKey("dateOfBirth"));

    [Fact]
    public void Names_are_required_and_bounded()
    {
        var errors = (Valid with { FirstName = " ", LastName = new string('x', 101) }).Validate(Today).ToDictionary();
        Assert.Equal("Enter a first name", errors["firstName"][0]);
        Assert.Contains("100 characters or fewer", errors["lastName"][0]);
    }

    [Fact]
    public void Search_names_are_upper_case_with_single_spaces()
    {
        var person = new Person { FirstName = " amara ", LastName = "de  la Cruz", PreferredName = "Ama" };
        person.RefreshSearchName();
        Assert.Equal("AMARA DE LA CRUZ AMA", person.SearchName);
    }

    [Theory]
    [InlineData("not-known", Sex.NotKnown)]
    [InlineData("Female", Sex.Female)]
    [InlineData("MALE", Sex.Male)]
    public void Enum_values_accept_kebab_case_and_any_case(string text, Sex expected)
    {
        Assert.True(PersonLabels.TryParseEnum<Sex>(text, out var sex));
        Assert.Equal(expected, sex);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("unknown")]
    [InlineData("")]
    public void Numbers_and_unknown_words_are_not_enum_values(string text) =>
        Assert.False(PersonLabels.TryParseEnum<Sex>(text, out _));

    [Fact]
    public void References_are_short_and_unambiguous()
    {
        var reference = PersonReference.New();
        Assert.Matches("^SL-[2-9A-HJ-NP-Z]{8}$", reference);
        Assert.True(PersonReference.LooksLikeReference(reference.ToLowerInvariant()));
    }
}
