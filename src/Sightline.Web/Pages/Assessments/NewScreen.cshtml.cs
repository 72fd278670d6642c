using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Assessments;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Assessments;

/// <summary>
/// Records a SAFEGUARD screen: for each of the nine areas whether there is a concern and what was
/// seen or heard, then the practitioner's own decision on a strategy meeting and SEAM.
/// </summary>
public sealed class NewScreenModel(PersonRecords records, ScreenRecords screens, SightlineDb db, TimeProvider clock) : PersonWorkPage(records, db)
{
    [BindProperty] public DateParts ScreenedOn { get; set; } = new();
    [BindProperty] public string? HoldStrategyMeeting { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>Each area's answer as typed ("yes", "no" or nothing), by area key.</summary>
    public Dictionary<string, string?> Concern { get; } = [];
    public Dictionary<string, string?> Seen { get; } = [];

    public static readonly RadioItem[] YesNo = [new("yes", "Yes"), new("no", "No")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GateAsync(cancellationToken) is { } refused) return refused;
        ScreenedOn = DateParts.From(clock.LondonToday());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await GateAsync(cancellationToken) is { } refused) return refused;
        foreach (var area in SafeguardAreas.All)
        {
            Concern[area.Key] = Request.Form[$"areas.{area.Key}.concern"].FirstOrDefault();
            Seen[area.Key] = Request.Form[$"areas.{area.Key}.seen"].FirstOrDefault();
        }
        var screenedOn = ReadDate("screenedOn", ScreenedOn, "the date of the screen");
        var input = new ScreenInput(
            screenedOn,
            SafeguardAreas.All.ToDictionary(a => a.Key, a => new ScreenAreaInput(YesOrNo(Concern[a.Key]), Seen[a.Key])),
            YesOrNo(HoldStrategyMeeting),
            Reason);
        if (!ModelState.IsValid)
        {
            MergeErrors(input.Validate(clock.LondonToday()));
            return Page();
        }
        var outcome = await screens.RecordAsync(Me, Id, input, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        return Redirect($"/screens/{outcome.Value!.Id}");
    }

    private static bool? YesOrNo(string? answer) => answer switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };
}
