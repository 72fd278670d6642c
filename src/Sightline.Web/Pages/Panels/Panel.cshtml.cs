using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Panels;

namespace Sightline.Web.Pages.Panels;

/// <summary>A panel: its people, the referrals waiting for the chair's decision, and its meetings.</summary>
public sealed class PanelModel(PanelRecords panels, MeetingRecords meetings) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid PanelId { get; set; }
    [BindProperty] public Guid? ReferralId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateParts Date { get; set; } = new();

    public Panel Panel { get; private set; } = null!;
    public List<PanelReferralLine> Referrals { get; private set; } = [];
    public List<Meeting> Meetings { get; private set; } = [];
    public bool IsMember => Panel.IsMember(Me.UserId);
    public bool IsChair => Panel.ChairUserId == Me.UserId;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) => DecideAsync(true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) => DecideAsync(false, cancellationToken);

    private async Task<IActionResult> DecideAsync(bool accept, CancellationToken cancellationToken)
    {
        if (ReferralId is not { } referralId) return BadRequest();
        // Each referral's box is named for it (ids must be unique); after an error it is plain "reason".
        if (string.IsNullOrEmpty(Reason)) Reason = Request.Form[$"reason-{referralId}"].ToString();
        var outcome = await panels.DecideReferralAsync(Me, PanelId, referralId, accept, Reason, null, cancellationToken);
        return await AfterCommandAsync(outcome, $"/panels/{PanelId}#referrals", () => LoadAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostMeetingAsync(CancellationToken cancellationToken)
    {
        var date = ReadDate("date", Date, "the date of the meeting");
        if (date is not null)
        {
            var outcome = await meetings.CreateAsync(Me, PanelId, date, cancellationToken);
            if (outcome.Succeeded) return Redirect($"/panels/meetings/{outcome.Value!.Id}");
            if (outcome.NotFound) return NotFound();
            if (outcome.Errors is { } errors) MergeErrors(errors);
            if (outcome.Refusal is { } refusal) ModelState.AddModelError("", refusal);
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var panel = await panels.FindAsync(PanelId, cancellationToken);
        if (panel is null) return false;
        Panel = panel;
        Referrals = await panels.ReferralLinesAsync(Me, panel, cancellationToken);
        Meetings = await meetings.ForPanelAsync(Me, panel, cancellationToken);
        return true;
    }
}
