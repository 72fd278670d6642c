using Sightline.Core.Assessments;

namespace Sightline.Core.Tests;

/// <summary>The SEAM rules of DOMAIN.md §3 and seed 001 §4, at every boundary.</summary>
public sealed class SeamRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData(0, RiskLevel.Low)]
    [InlineData(19, RiskLevel.Low)]
    [InlineData(20, RiskLevel.Medium)]
    [InlineData(29, RiskLevel.Medium)]
    [InlineData(30, RiskLevel.High)]
    [InlineData(39, RiskLevel.High)]
    [InlineData(40, RiskLevel.VeryHigh)]
    [InlineData(45, RiskLevel.VeryHigh)] // the 2020 form's maximum: nine domains of 5
    [InlineData(50, RiskLevel.VeryHigh)] // the 2017 form's maximum: ten areas of 5
    public void The_total_sets_the_level(int total, RiskLevel expected) => Assert.Equal(expected, SeamRules.LevelFor(total));

    [Fact]
    public void A_negative_total_is_a_bug_not_a_level() => Assert.Throws<ArgumentOutOfRangeException>(() => SeamRules.LevelFor(-1));

    [Theory]
    [InlineData(RiskLevel.Low, SeamRouting.ReviewStrategyMeeting)]
    [InlineData(RiskLevel.Medium, SeamRouting.ReviewStrategyMeeting)]
    [InlineData(RiskLevel.High, SeamRouting.PanelReferral)]
    [InlineData(RiskLevel.VeryHigh, SeamRouting.PanelReferralAndSeniorManagers)]
    public void The_routing_table_of_seed_001(RiskLevel level, SeamRouting expected) => Assert.Equal(expected, SeamRules.RoutingFor(level));

    [Fact]
    public void The_2020_form_has_the_nine_domains_of_the_api_each_with_six_descriptors()
    {
        Assert.Equal(["sexual-health", "absent-missing", "familial", "emotional-physical", "gangs-risky-adults", "technology", "alcohol-drugs", "recognition-gifts", "authority-education"],
            SeamForms.V2020.Domains.Select(d => d.Key));
        Assert.All(SeamForms.V2020.Domains, d => Assert.Equal(6, d.Descriptors.Count));
        Assert.All(SeamForms.V2020.Domains, d => Assert.All(d.Descriptors, text => Assert.False(string.IsNullOrWhiteSpace(text))));
        Assert.Equal(45, SeamForms.V2020.MaxTotal);
        Assert.Contains("plugging", SeamForms.V2020.Domain("sexual-health")!.DescriptorFor(5));
    }

    [Fact]
    public void The_2017_form_has_the_ten_areas_of_the_api()
    {
        Assert.Equal(["missing", "recognise-abuse", "school-attendance", "service-engagement", "substances", "sexual-health", "parent-carer", "risky-associates", "accommodation", "social-media"],
            SeamForms.V2017.Domains.Select(d => d.Key));
        Assert.Equal(50, SeamForms.V2017.MaxTotal);
    }

    [Fact]
    public void There_are_nine_safeguard_areas_spelling_the_mnemonic() =>
        Assert.Equal("SAFEGUARD", new string(SafeguardAreas.All.Select(a => a.Letter).ToArray()));

    [Theory]
    [InlineData(RiskLevel.Low, RiskLevel.Medium, true)]
    [InlineData(RiskLevel.High, RiskLevel.VeryHigh, true)]
    [InlineData(RiskLevel.High, RiskLevel.High, false)]
    [InlineData(RiskLevel.High, RiskLevel.Medium, false)]
    [InlineData(RiskLevel.VeryHigh, RiskLevel.Low, false)]
    public void Judgement_can_only_raise_the_level(RiskLevel calculated, RiskLevel judgement, bool allowed)
    {
        var errors = SeamRules.CheckJudgement(calculated, judgement, "Intelligence shared at the strategy meeting");
        Assert.Equal(allowed, !errors.Any);
        if (!allowed) Assert.True(errors.ToDictionary().ContainsKey("judgementLevel"));
    }

    [Fact]
    public void A_raised_level_needs_a_reason_and_no_judgement_needs_none()
    {
        Assert.True(SeamRules.CheckJudgement(RiskLevel.Low, RiskLevel.High, " ").ToDictionary().ContainsKey("judgementReason"));
        Assert.False(SeamRules.CheckJudgement(RiskLevel.Low, null, null).Any);
    }

    [Fact]
    public void A_raised_judgement_is_the_level_in_force_and_the_calculation_stays_visible()
    {
        var assessment = new SeamAssessment { FormVersion = "2020", CalculatedLevel = RiskLevel.Medium, JudgementLevel = RiskLevel.High };
        Assert.Equal(RiskLevel.High, assessment.Level);
        Assert.Equal(RiskLevel.Medium, assessment.CalculatedLevel);
    }

    [Theory]
    [InlineData(RiskLevel.Low, 182)]
    [InlineData(RiskLevel.Medium, 91)]
    [InlineData(RiskLevel.High, 42)]
    [InlineData(RiskLevel.VeryHigh, 28)]
    public void Reviews_fall_due_sooner_the_higher_the_risk(RiskLevel level, int days) =>
        Assert.Equal(Today.AddDays(days), SeamRules.ReviewDueOn(Today, level, new SeamReviewSettings()));

    [Fact]
    public void Review_intervals_are_configurable() =>
        Assert.Equal(Today.AddDays(7), SeamRules.ReviewDueOn(Today, RiskLevel.VeryHigh, new SeamReviewSettings { VeryHigh = 7 }));

    [Theory]
    [InlineData("VeryHigh", RiskLevel.VeryHigh)]
    [InlineData("very high", RiskLevel.VeryHigh)]
    [InlineData("very-high", RiskLevel.VeryHigh)]
    [InlineData("medium", RiskLevel.Medium)]
    public void Levels_parse_from_the_api_and_forms(string text, RiskLevel expected)
    {
        Assert.True(SeamRules.TryParseLevel(text, out var level));
        Assert.Equal(expected, level);
    }

    [Fact]
    public void Rescoring_adds_up_the_domains()
    {
        var assessment = new SeamAssessment { FormVersion = "2020" };
        foreach (var (domain, i) in SeamForms.V2020.Domains.Select((d, i) => (d, i)))
            assessment.Scores.Add(new SeamScore { DomainKey = domain.Key, Score = i < 4 ? 5 : i < 8 ? 5 : 0 }); // 8 × 5 = 40
        assessment.Rescore();
        Assert.Equal(40, assessment.Total);
        Assert.Equal(RiskLevel.VeryHigh, assessment.CalculatedLevel);
        assessment.Scores[0].Score = 4;
        assessment.Rescore();
        Assert.Equal(RiskLevel.High, assessment.CalculatedLevel);
    }

    private static Dictionary<string, SeamScoreInput> AllScores(SeamForm form, int score, string? evidence = "Seen at the home visit") =>
        form.Domains.ToDictionary(d => d.Key, _ => new SeamScoreInput(score, evidence));

    [Fact]
    public void A_complete_2020_input_is_valid() => Assert.False(new SeamInput("2020", AllScores(SeamForms.V2020, 3)).Validate(Today).Any);

    [Fact]
    public void Every_domain_of_the_version_is_required()
    {
        var scores = AllScores(SeamForms.V2020, 2);
        scores.Remove("technology");
        var errors = new SeamInput("2020", scores).Validate(Today).ToDictionary();
        Assert.Equal(["scores.technology.score"], errors.Keys);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void A_score_outside_0_to_5_names_the_field(int score)
    {
        var scores = AllScores(SeamForms.V2020, 1);
        scores["familial"] = new SeamScoreInput(score, "x");
        Assert.Contains("scores.familial.score", new SeamInput("2020", scores).Validate(Today).ToDictionary().Keys);
    }

    [Fact]
    public void Evidence_is_required_above_0_only()
    {
        var scores = AllScores(SeamForms.V2020, 0, evidence: null);
        Assert.False(new SeamInput("2020", scores).Validate(Today).Any);
        scores["alcohol-drugs"] = new SeamScoreInput(1, "  ");
        Assert.Equal(["scores.alcohol-drugs.evidence"], new SeamInput("2020", scores).Validate(Today).ToDictionary().Keys);
    }

    [Fact]
    public void Unknown_domains_and_versions_are_named()
    {
        var scores = AllScores(SeamForms.V2020, 0);
        scores["accommodation"] = new SeamScoreInput(1, "a 2017 area on the 2020 form");
        Assert.Contains("scores.accommodation", new SeamInput("2020", scores).Validate(Today).ToDictionary().Keys);
        Assert.Contains("version", new SeamInput("2019", scores).Validate(Today).ToDictionary().Keys);
        Assert.Contains("version", new SeamInput(null, scores).Validate(Today).ToDictionary().Keys);
    }

    [Fact]
    public void The_2017_form_takes_its_own_ten_areas() =>
        Assert.False(new SeamInput("2017", AllScores(SeamForms.V2017, 5)).Validate(Today).Any);

    [Fact]
    public void A_screen_needs_every_area_answered_what_was_seen_for_each_concern_and_a_decision_with_reason()
    {
        var areas = SafeguardAreas.All.ToDictionary(a => a.Key, _ => new ScreenAreaInput(false, null));
        Assert.False(new ScreenInput(Today, areas, true, "Three areas together").Validate(Today).Any);

        areas["gangs"] = new ScreenAreaInput(true, null);
        areas.Remove("absent");
        var errors = new ScreenInput(Today.AddDays(1), areas, null, "").Validate(Today).ToDictionary();
        Assert.Equal(["screenedOn", "areas.absent.concern", "areas.gangs.seen", "holdStrategyMeeting", "reason"], errors.Keys);
    }
}

public sealed class SafeguardAreaKeyTests
{
    [Theory]
    [InlineData("gangs", "gangs")]
    [InlineData("Distrust-Of-Authority", "distrust-authority")]
    [InlineData("absent-missing", "absent")]
    [InlineData("receipt-of-gifts", "gifts-money")]
    public void Area_keys_resolve_from_common_spellings(string given, string expected) => Assert.Equal(expected, SafeguardAreas.Resolve(given));

    [Theory]
    [InlineData("accommodation")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_words_are_not_areas(string? given) => Assert.Null(SafeguardAreas.Resolve(given));
}
