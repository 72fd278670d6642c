using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Data;
using Sightline.Core.Missing;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Missing;

/// <summary>One episode: its details and the 72-hour clock, and the form to record the return or change the details (refused when stale).</summary>
public sealed class EpisodeModel(PersonRecords records, SightlineDb db, MissingRecords missing, TimeProvider clock) : EpisodeFormPage(records, db)
{
    [BindProperty(SupportsGet = true)] public Guid EpisodeId { get; set; }
    [BindProperty(Name = "")] public EpisodeForm Form { get; set; } = new();
    [BindProperty] public Guid RowVersion { get; set; }

    public EpisodeView View { get; private set; } = null!;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The episode as someone else saved it, when our save was refused as stale.</summary>
    public MissingEpisode? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GateAsync(cancellationToken) is { } refused) return refused;
        if (await EpisodeAsync(missing, EpisodeId, cancellationToken) is not { } view) return NotFound();
        View = view;
        Form = EpisodeForm.Of(view.Episode);
        RowVersion = view.Episode.Version;
        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await GateAsync(cancellationToken) is { } refused) return refused;
        if (await EpisodeAsync(missing, EpisodeId, cancellationToken) is not { } view) return NotFound();
        View = view;
        await PrepareAsync(cancellationToken);
        var input = Read(Form);
        if (!ModelState.IsValid)
        {
            MergeWhenErrors(input.Validate(Now));
            return Page();
        }
        var outcome = await missing.UpdateAsync(Me, Id, EpisodeId, input, RowVersion, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        if (outcome.Conflict)
        {
            // Keep what they typed; show what is saved now; let a second save deliberately win.
            if (await EpisodeAsync(missing, EpisodeId, cancellationToken) is not { } current) return NotFound();
            View = current;
            Conflict = current.Episode;
            RowVersion = current.Episode.Version;
            ModelState.Remove(nameof(RowVersion));
            ModelState.AddModelError("", "Someone else changed this episode while you were editing it. Check the differences, then save again.");
            return Page();
        }
        return Redirect($"/people/{Id}/missing?saved={EpisodeId}");
    }

    /// <summary>The workers to choose from, keeping the one responsible now even if they are in another agency.</summary>
    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Form.Workers = await WorkersAsync(cancellationToken);
        var episode = View.Episode;
        if (episode.ResponsibleUser is { } responsible && Form.Workers.All(w => w.Value != responsible.Id.ToString()))
            Form.Workers.Insert(0, (responsible.Id.ToString(), responsible.DisplayName));
        Form.ReturnFirst = episode.IsOpen;
        Form.SectionLevel = 3;
    }
}
