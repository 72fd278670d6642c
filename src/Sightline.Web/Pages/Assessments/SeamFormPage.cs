using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Assessments;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Assessments;

/// <summary>
/// The SEAM form, shared by "start an assessment" and "change an assessment": a fieldset of
/// scores 0–5 per domain of the form's version (with the seed's descriptors on the 2020 form),
/// the evidence for each, the young person's own view and the date. On a review the previous
/// scores and evidence are the starting point and each domain shows its previous score.
/// Fields are named as the API names them (<c>scores.{domain}.score</c>, …), so the core's
/// validation errors land on the right field.
/// </summary>
public abstract class SeamFormPage(PersonRecords records, SightlineDb db, TimeProvider clock) : PersonWorkPage(records, db)
{
    public SeamForm Form { get; protected set; } = SeamForms.V2020;

    /// <summary>The approved assessment this one reviews, when it is on the same form: its scores show beside each domain.</summary>
    public SeamAssessment? Previous { get; protected set; }

    public Dictionary<string, string?> Scores { get; } = [];
    public Dictionary<string, string?> Evidence { get; } = [];
    public string? Perception { get; set; }
    public string? YoungPersonView { get; set; }
    public DateParts AssessedOn { get; set; } = new();

    protected DateOnly Today => clock.LondonToday();

    public const string NotRecorded = "not-recorded";

    public IEnumerable<RadioItem> ScoreItems(SeamDomain domain) =>
        Enumerable.Range(0, SeamForm.MaxDomainScore + 1).Select(n => new RadioItem(n.ToString(), n.ToString(), domain.DescriptorFor(n)));

    public static readonly RadioItem[] PerceptionItems =
    [
        .. Enum.GetValues<RiskLevel>().Select(l => new RadioItem(l.ToString(), l.DisplayName())),
        new(NotRecorded, "Not recorded", "The young person did not give a view, or was not asked.", DividerBefore: "or"),
    ];

    /// <summary>Starts the form from an assessment's answers (the one being changed, or the one being reviewed: scores and evidence only).</summary>
    protected void FillFrom(SeamAssessment assessment, bool everything)
    {
        foreach (var score in assessment.Scores)
        {
            Scores[score.DomainKey] = score.Score.ToString();
            Evidence[score.DomainKey] = score.Evidence;
        }
        if (!everything) return;
        Perception = assessment.YoungPersonPerception?.ToString() ?? (assessment.YoungPersonView is null ? null : NotRecorded);
        YoungPersonView = assessment.YoungPersonView;
        AssessedOn = DateParts.From(assessment.AssessedOn);
    }

    /// <summary>Reads the posted form into the page (so it shows again as typed) and into an input for the core.</summary>
    protected SeamInput ReadForm(string version, Guid? screenId)
    {
        foreach (var domain in Form.Domains)
        {
            Scores[domain.Key] = Request.Form[$"scores.{domain.Key}.score"].FirstOrDefault();
            Evidence[domain.Key] = Request.Form[$"scores.{domain.Key}.evidence"].FirstOrDefault();
        }
        Perception = Request.Form["youngPersonPerception"].FirstOrDefault();
        YoungPersonView = Request.Form["youngPersonView"].FirstOrDefault();
        AssessedOn = new DateParts
        {
            Day = Request.Form["assessedOn.Day"].FirstOrDefault(),
            Month = Request.Form["assessedOn.Month"].FirstOrDefault(),
            Year = Request.Form["assessedOn.Year"].FirstOrDefault(),
        };
        var assessedOn = ReadDate("assessedOn", AssessedOn, "the date of the assessment");
        RiskLevel? perception = Enum.TryParse<RiskLevel>(Perception, out var level) && Enum.IsDefined(level) ? level : null;
        return new SeamInput(
            version,
            Form.Domains.ToDictionary(d => d.Key, d => new SeamScoreInput(int.TryParse(Scores[d.Key], out var n) ? n : null, Evidence[d.Key])),
            perception,
            YoungPersonView,
            assessedOn,
            screenId);
    }

    /// <summary>The form again with every problem: the date's, and the core's for the rest (in page order by the summary).</summary>
    protected IActionResult? Invalid(SeamInput input)
    {
        if (ModelState.IsValid) return null;
        MergeErrors(input.Validate(Today));
        return Page();
    }

    public int? PreviousScore(string domainKey) => Previous?.ScoreFor(domainKey);
}
