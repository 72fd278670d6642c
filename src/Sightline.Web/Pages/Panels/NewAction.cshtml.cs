using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Panels;

namespace Sightline.Web.Pages.Panels;

/// <summary>An action agreed at a meeting: owned by a member of the panel or one of its agencies.</summary>
public sealed class NewActionModel(MeetingRecords meetings, PanelActionRecords actions) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid MeetingId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? AgendaItemId { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public DateParts DueDate { get; set; } = new();

    public MeetingView View { get; private set; } = null!;
    public List<(string Value, string Text)> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var due = ReadDate("dueDate", DueDate, "the date it is due by");
        // Owner values are "user:<id>" or "agency:<id>", so one list offers both.
        var (userId, agencyId) = Owner?.Split(':') is [var kind, var id] && Guid.TryParse(id, out var guid)
            ? kind == "user" ? ((Guid?)guid, (Guid?)null) : (null, guid)
            : (null, null);
        var itemId = Guid.TryParse(AgendaItemId, out var item) ? item : (Guid?)null;
        var outcome = await actions.AddAsync(Me, MeetingId, new PanelActionInput(Title, userId, null, agencyId, null, due, itemId), cancellationToken);
        if (outcome.Succeeded) return Redirect($"/panels/meetings/{MeetingId}#actions");
        if (outcome.NotFound) return NotFound();
        if (outcome.Errors is { } errors) MergeErrors(errors);
        if (outcome.Refusal is { } refusal) ModelState.AddModelError("", refusal);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await meetings.ViewAsync(Me, MeetingId, cancellationToken);
        if (view is null || view.Meeting.Status == MeetingStatus.Draft) return false;
        View = view;
        var people = new[] { view.Panel.ChairUser }.Concat(view.Panel.Members.Select(m => m.User)).Where(u => u is not null)
            .Select(u => ($"user:{u!.Id}", $"{u.DisplayName} ({u.Agency?.Name})"));
        var agencies = view.Panel.Agencies.Where(a => a.Agency is not null).OrderBy(a => a.Agency!.Name).Select(a => ($"agency:{a.AgencyId}", a.Agency!.Name));
        Owners = people.Concat(agencies).ToList();
        return true;
    }
}
