using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Assessments;
using Sightline.Core.Panels;

namespace Sightline.Web.Pages.Panels;

/// <summary>One agenda item at the meeting: the discussion, the current risk level and the decision (the chair).</summary>
public sealed class ItemModel(MeetingRecords meetings) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid MeetingId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ItemId { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? RiskLevel { get; set; }
    [BindProperty] public string? Decision { get; set; }

    public MeetingView View { get; private set; } = null!;
    public AgendaLine Line { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        Minutes = Line.Item.Minutes;
        RiskLevel = Line.Item.RiskLevel?.ToString();
        Decision = Line.Item.Decision?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        RiskLevel? level = Enum.TryParse<RiskLevel>(RiskLevel, out var l) && Enum.IsDefined(l) ? l : null;
        PanelDecision? decision = Enum.TryParse<PanelDecision>(Decision, out var d) && Enum.IsDefined(d) ? d : null;
        var outcome = await meetings.RecordItemAsync(Me, MeetingId, ItemId, new ItemOutcomeInput(Minutes, level, decision), cancellationToken);
        return await AfterCommandAsync(outcome, $"/panels/meetings/{MeetingId}#agenda", () => LoadAsync(cancellationToken));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await meetings.ViewAsync(Me, MeetingId, cancellationToken);
        var line = view?.Agenda.FirstOrDefault(a => a.Item.Id == ItemId && a.Item.IsOnAgenda);
        if (view is null || line is null || !view.IsChair || view.Meeting.Status == MeetingStatus.Draft) return false;
        (View, Line) = (view, line);
        return true;
    }
}
