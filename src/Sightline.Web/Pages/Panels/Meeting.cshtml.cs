using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Panels;

namespace Sightline.Web.Pages.Panels;

/// <summary>
/// A meeting: the chair shapes and issues the agenda, then records attendance and findings; each
/// item's discussion and the actions have pages of their own. Panel members read it once issued.
/// </summary>
public sealed class MeetingModel(MeetingRecords meetings, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid MeetingId { get; set; }
    [BindProperty] public Guid? ItemId { get; set; }
    [BindProperty] public int Position { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Text { get; set; }

    public MeetingView View { get; private set; } = null!;
    public DateOnly Today => clock.LondonToday();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken) =>
        await AfterAsync(ItemId is { } id ? await meetings.MoveItemAsync(Me, MeetingId, id, Position, cancellationToken) : Outcome<Meeting>.Missing(), "#agenda", cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken) =>
        await AfterAsync(ItemId is { } id ? await meetings.RemoveItemAsync(Me, MeetingId, id, cancellationToken) : Outcome<Meeting>.Missing(), "#agenda", cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await meetings.AddPersonByReferenceAsync(Me, MeetingId, Reference, cancellationToken), "#agenda", cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await meetings.IssueAsync(Me, MeetingId, cancellationToken), "#agenda", cancellationToken);

    public async Task<IActionResult> OnPostAttendanceAsync(CancellationToken cancellationToken)
    {
        var attendance = new Dictionary<Guid, AttendanceStatus>();
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("attendance-", StringComparison.Ordinal) && Guid.TryParse(key["attendance-".Length..], out var agencyId)
                && Enum.TryParse<AttendanceStatus>(value.ToString(), out var status) && Enum.IsDefined(status))
                attendance[agencyId] = status;
        }
        return await AfterAsync(await meetings.RecordAttendanceAsync(Me, MeetingId, attendance, cancellationToken), "#attendance", cancellationToken);
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken)
    {
        StrategicNoteKind? kind = Enum.TryParse<StrategicNoteKind>(Kind, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        return await AfterAsync(await meetings.AddNoteAsync(Me, MeetingId, kind, Text, cancellationToken), "#findings", cancellationToken);
    }

    private Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, string fragment, CancellationToken cancellationToken) =>
        AfterCommandAsync(outcome, $"/panels/meetings/{MeetingId}{fragment}", () => LoadAsync(cancellationToken));

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await meetings.ViewAsync(Me, MeetingId, cancellationToken);
        if (view is null) return false;
        View = view;
        return true;
    }
}
