namespace Sightline.Core.Assessments;

/// <summary>The four levels of SEAM risk, used for the professional score and the young person's own view.</summary>
public enum RiskLevel { Low, Medium, High, VeryHigh }

/// <summary>What approval of an assessment sets in motion (seed 001 §4).</summary>
public enum SeamRouting
{
    /// <summary>Low or Medium: stays with the social care team manager and the network, through review strategy meetings.</summary>
    ReviewStrategyMeeting,
    /// <summary>High: referred to the exploitation panel (MACE).</summary>
    PanelReferral,
    /// <summary>Very High: referred to the panel, and every senior manager (the Assistant Director) is notified.</summary>
    PanelReferralAndSeniorManagers,
}

/// <summary>How many days after approval the next review is due, by the level in force. Configurable under <c>Seam:ReviewDays</c>.</summary>
public sealed class SeamReviewSettings
{
    public int Low { get; set; } = 182;
    public int Medium { get; set; } = 91;
    public int High { get; set; } = 42;
    public int VeryHigh { get; set; } = 28;

    public int DaysFor(RiskLevel level) => level switch
    {
        RiskLevel.Low => Low,
        RiskLevel.Medium => Medium,
        RiskLevel.High => High,
        _ => VeryHigh,
    };
}

/// <summary>The SEAM rules as pure functions, so every boundary is tested without a database.</summary>
public static class SeamRules
{
    public const int MediumFrom = 20;
    public const int HighFrom = 30;
    public const int VeryHighFrom = 40;

    /// <summary>0–19 Low, 20–29 Medium, 30–39 High, 40 and above Very High.</summary>
    public static RiskLevel LevelFor(int total) => total switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(total), "A SEAM total cannot be negative."),
        >= VeryHighFrom => RiskLevel.VeryHigh,
        >= HighFrom => RiskLevel.High,
        >= MediumFrom => RiskLevel.Medium,
        _ => RiskLevel.Low,
    };

    public static SeamRouting RoutingFor(RiskLevel level) => level switch
    {
        RiskLevel.VeryHigh => SeamRouting.PanelReferralAndSeniorManagers,
        RiskLevel.High => SeamRouting.PanelReferral,
        _ => SeamRouting.ReviewStrategyMeeting,
    };

    /// <summary>
    /// A manager may raise the level on professional judgement, never lower it, and must say why.
    /// Returns the field errors (empty when the judgement may stand).
    /// </summary>
    public static ValidationErrors CheckJudgement(RiskLevel calculated, RiskLevel? judgement, string? reason)
    {
        var errors = new ValidationErrors();
        if (judgement is not { } raised) return errors;
        if (raised <= calculated)
            errors.Add("judgementLevel", $"Professional judgement can only raise the level above {calculated.DisplayName()}");
        if (string.IsNullOrWhiteSpace(reason))
            errors.Add("judgementReason", "Enter the reason for raising the level");
        else if (reason.Length > 4000)
            errors.Add("judgementReason", "The reason must be 4,000 characters or fewer");
        return errors;
    }

    public static DateOnly ReviewDueOn(DateOnly approvedOn, RiskLevel level, SeamReviewSettings settings) =>
        approvedOn.AddDays(settings.DaysFor(level));

    public static string DisplayName(this RiskLevel level) => level switch
    {
        RiskLevel.VeryHigh => "Very high",
        _ => level.ToString(),
    };

    /// <summary>The colour of the GOV.UK tag for a level.</summary>
    public static string TagColour(this RiskLevel level) => level switch
    {
        RiskLevel.Low => "green",
        RiskLevel.Medium => "yellow",
        RiskLevel.High => "orange",
        _ => "red",
    };

    public static string Describe(this SeamRouting routing) => routing switch
    {
        SeamRouting.ReviewStrategyMeeting => "A review strategy meeting is due. The case stays with the social care team manager and the professional network.",
        SeamRouting.PanelReferral => "Referred to the exploitation panel (MACE).",
        _ => "Referred to the exploitation panel (MACE), and every senior manager has been notified.",
    };

    public static bool TryParseLevel(string? text, out RiskLevel level)
    {
        var normalised = text?.Replace(" ", "").Replace("-", "").Replace("_", "").Trim();
        foreach (var candidate in Enum.GetValues<RiskLevel>())
        {
            if (string.Equals(candidate.ToString(), normalised, StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }
        level = default;
        return false;
    }
}
