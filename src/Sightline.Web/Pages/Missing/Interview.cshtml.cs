using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;
using Sightline.Core.Missing;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Missing;

/// <summary>The return home interview of an episode, with the 72-hour clock at the top.</summary>
public sealed class InterviewModel(PersonRecords records, SightlineDb db, MissingRecords missing, TimeProvider clock) : MissingPage(records, db)
{
    [BindProperty(SupportsGet = true)] public Guid EpisodeId { get; set; }
    [BindProperty] public DateParts Offered { get; set; } = new();
    [BindProperty] public string? OfferedTime { get; set; }
    [BindProperty] public string? OfferedBy { get; set; }
    [BindProperty] public string? Accepted { get; set; }
    [BindProperty] public DateParts Completed { get; set; } = new();
    [BindProperty] public string? CompletedTime { get; set; }
    [BindProperty] public string? AgencyId { get; set; }
    [BindProperty] public string? Worker { get; set; }
    [BindProperty] public string? YoungPersonSaid { get; set; }
    [BindProperty] public string? RisksDisclosed { get; set; }
    [BindProperty] public string? FollowUp { get; set; }
    /// <summary>The interview's version when the form was opened (empty: there was none), to catch a save in between.</summary>
    [BindProperty] public Guid RowVersion { get; set; }

    public EpisodeView View { get; private set; } = null!;
    public List<(string Value, string Text)> Agencies { get; private set; } = [];

    public const string Yes = "yes", No = "no", NotAnswered = "not-answered";

    public static readonly RadioItem[] Answers =
    [
        new(Yes, "Accepted"),
        new(No, "Declined"),
        new(NotAnswered, "Not yet answered"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GateAsync(cancellationToken) is { } refused) return refused;
        if (await EpisodeAsync(missing, EpisodeId, cancellationToken) is not { } view) return NotFound();
        View = view;
        await LoadAgenciesAsync(cancellationToken);
        RowVersion = view.Episode.Interview?.Version ?? Guid.Empty;
        if (view.Episode.Interview is { } rhi)
        {
            Offered = DateOf(rhi.OfferedAt);
            OfferedTime = TimeOf(rhi.OfferedAt);
            OfferedBy = rhi.OfferedBy;
            Accepted = rhi.Accepted switch { true => Yes, false => No, null => NotAnswered };
            Completed = DateOf(rhi.CompletedAt);
            CompletedTime = TimeOf(rhi.CompletedAt);
            AgencyId = rhi.CompletedByAgencyId?.ToString();
            Worker = rhi.Worker;
            YoungPersonSaid = rhi.YoungPersonSaid;
            RisksDisclosed = rhi.RisksDisclosed;
            FollowUp = rhi.FollowUp;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await GateAsync(cancellationToken) is { } refused) return refused;
        if (await EpisodeAsync(missing, EpisodeId, cancellationToken) is not { } view) return NotFound();
        View = view;
        await LoadAgenciesAsync(cancellationToken);
        var offered = ReadWhen("offered", Offered, OfferedTime, "the interview was offered");
        var completed = ReadWhen("completed", Completed, CompletedTime, "the interview was completed");
        Guid? agencyId = null;
        if (!string.IsNullOrWhiteSpace(AgencyId))
        {
            if (Guid.TryParse(AgencyId, out var parsed)) agencyId = parsed;
            else ModelState.AddModelError("agencyId", "Select an agency from the list");
        }
        bool? accepted = Accepted switch { Yes => true, No => false, _ => null };
        var input = new InterviewInput(offered, OfferedBy, accepted, completed, agencyId, Worker, YoungPersonSaid, RisksDisclosed, FollowUp);
        if (!ModelState.IsValid)
        {
            MergeWhenErrors(input.Validate(view.Episode.ReturnedAt, clock.GetUtcNow().UtcDateTime));
            return Page();
        }
        var outcome = await missing.RecordInterviewAsync(Me, Id, EpisodeId, input, RowVersion, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        if (outcome.Conflict)
        {
            // Keep what was typed; the next save is against the version now stored.
            if (await EpisodeAsync(missing, EpisodeId, cancellationToken) is not { } current) return NotFound();
            View = current;
            RowVersion = current.Episode.Interview?.Version ?? Guid.Empty;
            ModelState.Remove(nameof(RowVersion));
            ModelState.AddModelError("", "Someone else saved this interview since you opened it. Check what is saved on the young person's missing history, then save again to replace it with what you typed.");
            return Page();
        }
        return Redirect($"/people/{Id}/missing?interview={EpisodeId}");
    }

    private async Task LoadAgenciesAsync(CancellationToken cancellationToken) =>
        Agencies = (await Db.Agencies.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).Select(a => (a.Id.ToString(), a.Name)).ToList();
}
