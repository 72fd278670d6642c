using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sightline.Core.Missing;

namespace Sightline.Web.Pages.Missing;

/// <summary>The episode form shared by "Record a missing episode" and the episode page. Field names are the core's keys.</summary>
public sealed class EpisodeForm
{
    public string? Category { get; set; }
    public string? From { get; set; }
    public string? Placement { get; set; }
    public DateParts LastSeen { get; set; } = new();
    public string? LastSeenTime { get; set; }
    public DateParts ReportedToPolice { get; set; } = new();
    public string? ReportedToPoliceTime { get; set; }
    public string? PoliceReference { get; set; }
    public string? PoliceRiskGrading { get; set; }
    public DateParts Returned { get; set; } = new();
    public string? ReturnedTime { get; set; }
    public string? WhereFound { get; set; }
    public string? Circumstances { get; set; }
    public string? WithWhom { get; set; }
    public string? ResponsibleUserId { get; set; }

    /// <summary>Not bound: the workers to choose from, and whether the return comes first (an open episode's page).</summary>
    [BindNever] public List<(string Value, string Text)> Workers { get; set; } = [];
    [BindNever] public bool ReturnFirst { get; set; }
    [BindNever] public int SectionLevel { get; set; } = 2;

    public static EpisodeForm Of(MissingEpisode e) => new()
    {
        Category = e.Category.ToString(),
        From = e.From.ToString(),
        Placement = e.Placement,
        LastSeen = MissingPage.DateOf(e.LastSeenAt),
        LastSeenTime = MissingPage.TimeOf(e.LastSeenAt),
        ReportedToPolice = MissingPage.DateOf(e.ReportedToPoliceAt),
        ReportedToPoliceTime = MissingPage.TimeOf(e.ReportedToPoliceAt),
        PoliceReference = e.PoliceReference,
        PoliceRiskGrading = e.PoliceRiskGrading?.ToString() ?? MissingText.NotGraded,
        Returned = MissingPage.DateOf(e.ReturnedAt),
        ReturnedTime = MissingPage.TimeOf(e.ReturnedAt),
        WhereFound = e.WhereFound,
        Circumstances = e.Circumstances,
        WithWhom = e.WithWhom,
        ResponsibleUserId = e.ResponsibleUserId?.ToString(),
    };
}

public abstract class EpisodeFormPage(Sightline.Core.People.PersonRecords records, Sightline.Core.Data.SightlineDb db) : MissingPage(records, db)
{
    /// <summary>Reads the form into the core's input, adding errors for what cannot be read (half a date, a time like 25:00, a worker not on the list).</summary>
    protected EpisodeInput Read(EpisodeForm form)
    {
        var lastSeen = ReadWhen("lastSeen", form.LastSeen, form.LastSeenTime, "they were last seen");
        var reported = ReadWhen("reportedToPolice", form.ReportedToPolice, form.ReportedToPoliceTime, "it was reported to the police");
        var returned = ReadWhen("returned", form.Returned, form.ReturnedTime, "they returned or were found");
        Guid? responsible = null;
        if (!string.IsNullOrWhiteSpace(form.ResponsibleUserId))
        {
            if (Guid.TryParse(form.ResponsibleUserId, out var id)) responsible = id;
            else ModelState.AddModelError("responsibleUserId", "Select a worker from the list");
        }
        var from = ParseName<MissingFrom>(form.From);
        return new EpisodeInput(
            ParseName<MissingCategory>(form.Category), from,
            from == MissingFrom.Care ? form.Placement : null,
            lastSeen, reported, form.PoliceReference,
            ParseName<PoliceRiskGrading>(form.PoliceRiskGrading),
            returned, form.WhereFound, form.Circumstances, form.WithWhom, responsible);
    }
}
