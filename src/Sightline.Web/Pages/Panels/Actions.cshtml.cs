using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Actions;
using Sightline.Core.Audit;
using Sightline.Core.Panels;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Panels;

/// <summary>Actions across panels, by owner, with chairs' completion rates, and the list as CSV or Excel.</summary>
public sealed class ActionsModel(PanelActionRecords actions, PanelRecords panels, AuditTrail audit, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public ActionFilter Filter => PersonLabels.TryParseEnum<ActionFilter>(Status, out var f) ? f : ActionFilter.Open;
    public DateOnly Today => clock.LondonToday();
    public List<TrackedPanelAction> Rows { get; private set; } = [];
    public IReadOnlyList<CompletionRate> ByPanel { get; private set; } = [];
    public IReadOnlyList<CompletionRate> ByAgency { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await actions.TrackAsync(Me, Filter, null, cancellationToken);
        var chaired = (await panels.ListAsync(cancellationToken)).Where(p => p.ChairUserId == Me.UserId).Select(p => p.Id).ToHashSet();
        if (chaired.Count == 0) return;
        var all = (await actions.TrackAsync(Me, ActionFilter.All, null, cancellationToken)).Where(a => chaired.Contains(a.PanelId)).ToList();
        ByPanel = CompletionRate.Of(all, a => a.PanelName, a => a.Action, Today);
        ByAgency = CompletionRate.Of(all, a => a.Action.OwnerAgency?.Name ?? a.Action.OwnerUser?.Agency?.Name ?? "Named person", a => a.Action, Today);
    }

    private static readonly string[] Headers = ["Action", "Panel", "Meeting", "Owner", "Due", "Status", "Overdue", "Completion note"];

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var rows = await actions.TrackAsync(Me, Filter, null, cancellationToken);
        var today = Today;
        var cells = rows.Select(r => (IReadOnlyList<object?>)[r.Action.Title, r.PanelName, r.MeetingDate.ToString("yyyy-MM-dd"), r.Action.OwnerName,
            r.Action.DueOn.ToString("yyyy-MM-dd"), r.Action.Status.DisplayName(), r.Action.IsOverdueOn(today) ? "Yes" : "No", r.Action.CompletionNote]).ToList();
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        var bytes = xlsx ? TableExport.Xlsx("Actions", Headers, cells) : TableExport.Csv(Headers, cells);
        await audit.RecordNowAsync(AuditAction.Export, "panel-action", null, null, new { format = xlsx ? "xlsx" : "csv", filter = Filter.ToString(), rows = cells.Count }, cancellationToken);
        var name = $"panel-actions-{Filter.ToString().ToLowerInvariant()}-{today:yyyy-MM-dd}";
        return xlsx ? File(bytes, TableExport.XlsxContentType, name + ".xlsx") : File(bytes, TableExport.CsvContentType, name + ".csv");
    }
}
