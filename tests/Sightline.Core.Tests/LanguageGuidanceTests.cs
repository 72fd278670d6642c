using Sightline.Core.Assessments;

namespace Sightline.Core.Tests;

/// <summary>The seed's CSE/CCE language guidance (002 Appendix 4): each phrase is found, and ordinary text is left alone.</summary>
public sealed class LanguageGuidanceTests
{
    [Theory]
    [InlineData("She keeps putting herself at risk by going to the park", "Putting themselves at risk")]
    [InlineData("Is putting themselves at risk.", "Putting themselves at risk")]
    [InlineData("He refuses to engage with the YOT worker", "Refuses to engage")]
    [InlineData("Young person refused to engage", "Refuses to engage")]
    [InlineData("reported sexual activity with an older male", "Sexual activity with…")]
    [InlineData("He is following in his older brother's footsteps", "Following in the footsteps of their older sibling")]
    [InlineData("They are engaged with criminal activity", "Engaged with criminal activity, groups or gangs")]
    [InlineData("involved in gangs since Year 9", "Engaged with criminal activity, groups or gangs")]
    [InlineData("known as a habitual knife carrier", "Violent and a habitual knife carrier")]
    [InlineData("sexually active since age 12", "Sexually active (under 13)")]
    public void Victim_blaming_phrases_are_found_with_alternatives(string text, string phrase)
    {
        var match = Assert.Single(LanguageGuidance.Check("scores.familial.evidence", text));
        Assert.Equal(phrase, match.Phrase);
        Assert.Equal("scores.familial.evidence", match.Field);
        Assert.NotEmpty(match.Alternatives);
        Assert.Contains(match.Found, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("The child may have been groomed; a perpetrator may exploit her increased vulnerability.")]
    [InlineData("We need to find what works for him; so far we have not found it.")]
    [InlineData("Attends a sexual health clinic with her foster carer.")]
    [InlineData("")]
    [InlineData(null)]
    public void The_suggested_alternatives_themselves_pass(string? text) => Assert.Empty(LanguageGuidance.Check("evidence", text));

    [Fact]
    public void Several_phrases_in_one_text_are_each_reported()
    {
        var matches = LanguageGuidance.Check("evidence", "Refuses to engage and keeps putting himself at risk.");
        Assert.Equal(2, matches.Count);
    }
}
