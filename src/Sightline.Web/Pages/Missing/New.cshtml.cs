using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Data;
using Sightline.Core.Missing;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Missing;

/// <summary>Records a missing episode: open until the return is recorded (now or later, on the episode's page).</summary>
public sealed class NewModel(PersonRecords records, SightlineDb db, MissingRecords missing, TimeProvider clock) : EpisodeFormPage(records, db)
{
    [BindProperty(Name = "")] public EpisodeForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GateAsync(cancellationToken) is { } refused) return refused;
        Form = new EpisodeForm { ResponsibleUserId = Me.UserId.ToString(), Workers = await WorkersAsync(cancellationToken) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await GateAsync(cancellationToken) is { } refused) return refused;
        Form.Workers = await WorkersAsync(cancellationToken);
        var input = Read(Form);
        if (!ModelState.IsValid)
        {
            MergeWhenErrors(input.Validate(clock.GetUtcNow().UtcDateTime));
            return Page();
        }
        var outcome = await missing.RecordAsync(Me, Id, input, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        return Redirect($"/people/{Id}/missing?recorded={outcome.Value!.Id}");
    }
}
