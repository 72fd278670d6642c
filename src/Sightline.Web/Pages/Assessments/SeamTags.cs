using Microsoft.AspNetCore.Html;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;

namespace Sightline.Web.Pages.Assessments;

/// <summary>How the assessment and action pages show levels, statuses and changes, the same way on every page.</summary>
public static class SeamTags
{
    public static IHtmlContent Level(RiskLevel level) => Govuk.Tag(level.DisplayName(), level.TagColour());

    /// <summary>The level in force, with the calculated one beside it when a manager raised it.</summary>
    public static string LevelText(RiskLevel calculated, RiskLevel? judgement) =>
        judgement is { } raised ? $"{raised.DisplayName()} (raised from {calculated.DisplayName()} on professional judgement)" : calculated.DisplayName();

    public static IHtmlContent Perception(RiskLevel? level) =>
        level is { } l ? Level(l) : new HtmlString("<span class=\"govuk-hint\">Not recorded</span>");

    public static string StatusName(SeamStatus status) => status switch
    {
        SeamStatus.Draft => "Draft",
        SeamStatus.Submitted => "Waiting for approval",
        SeamStatus.Returned => "Returned with comments",
        SeamStatus.Approved => "Approved",
        _ => "Superseded by a review",
    };

    public static string YesNo(bool value) => value ? "Yes" : "No";

    public static IHtmlContent Status(SeamStatus status) => Govuk.Tag(StatusName(status), status switch
    {
        SeamStatus.Draft => "grey",
        SeamStatus.Submitted => "blue",
        SeamStatus.Returned => "orange",
        SeamStatus.Approved => "green",
        _ => "grey",
    });

    public static IHtmlContent ActionTag(ActionStatus status) => Govuk.Tag(status.DisplayName(), status switch
    {
        ActionStatus.NotStarted => "grey",
        ActionStatus.InProgress => "blue",
        ActionStatus.Done => "green",
        _ => "grey",
    });

    public static IHtmlContent Overdue() => Govuk.Tag("Overdue", "red");

    /// <summary>"+2", "−1" (a true minus sign) or "No change".</summary>
    public static string Change(int now, int before) => (now - before) switch
    {
        0 => "No change",
        > 0 and var up => $"+{up}",
        var down => $"\u2212{-down}",
    };

    /// <summary>The success banner's words after a manager's decision (the query only says which decision; the words come from the assessment).</summary>
    public static string? DecisionMessage(SeamAssessment assessment, string? decided) => decided switch
    {
        "approved" when assessment.Status == SeamStatus.Approved && assessment.Routing is { } routing =>
            $"Assessment approved at {assessment.Level.DisplayName()}. {routing.Describe()}",
        "returned" when assessment.Status == SeamStatus.Returned => "Assessment returned to the practitioner with your comments.",
        _ => null,
    };
}
