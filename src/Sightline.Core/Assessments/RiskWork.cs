using Sightline.Core.Actions;
using Sightline.Core.Panels;
using Sightline.Core.People;

namespace Sightline.Core.Assessments;

/// <summary>The screening, assessment and planning recorded about one young person, as the record page shows it.</summary>
public sealed record RiskWork(
    IReadOnlyList<SafeguardScreen> Screens,
    IReadOnlyList<SeamAssessment> Assessments,
    IReadOnlyList<PanelReferral> Referrals,
    IReadOnlyList<ActionItem> Actions)
{
    public static readonly RiskWork None = new([], [], [], []);

    /// <summary>The assessment in force: the latest approved one.</summary>
    public SeamAssessment? Current => Assessments.Where(a => a.Status == SeamStatus.Approved).MaxBy(a => a.DecidedAt);

    /// <summary>Timeline entries for the chronology. Drafts are the author's work in progress and stay out of it.</summary>
    public IEnumerable<ChronologyEntry> ChronologyEntries(IReadOnlyDictionary<Guid, string> names)
    {
        string? Name(Guid? id) => id is { } v && names.TryGetValue(v, out var n) ? n : null;
        foreach (var screen in Screens)
        {
            var decision = screen.HoldStrategyMeeting ? "strategy meeting and SEAM to follow" : "no strategy meeting";
            yield return new(screen.RecordedAt, ChronologyKind.Screen,
                $"SAFEGUARD screen: {screen.ConcernCount} of {SafeguardAreas.All.Count} areas of concern; {decision}. {screen.DecisionReason}", Name(screen.RecordedByUserId));
        }
        foreach (var seam in Assessments)
        {
            if (seam.SubmittedAt is { } submitted)
                yield return new(submitted, ChronologyKind.Seam, $"SEAM assessment submitted: total {seam.Total}, {seam.CalculatedLevel.DisplayName()}", Name(seam.AuthorUserId));
            if (seam.IsComplete && seam.DecidedAt is { } approved)
                yield return new(approved, ChronologyKind.Seam,
                    $"SEAM assessment approved at {seam.Level.DisplayName()}" + (seam.JudgementLevel is null ? "" : $" (raised from {seam.CalculatedLevel.DisplayName()} on professional judgement)"),
                    Name(seam.DecidedByUserId));
        }
        foreach (var referral in Referrals)
            yield return new(referral.CreatedAt, ChronologyKind.Referral, $"Referred to the exploitation panel (MACE): {referral.Reason}", Name(referral.CreatedByUserId));
        foreach (var action in Actions)
        {
            yield return new(action.CreatedAt, ChronologyKind.Action, $"Action agreed: {action.Action} (due {action.DueOn.Display()})", Name(action.CreatedByUserId));
            if (action.CompletedAt is { } done)
                yield return new(done, ChronologyKind.Action, $"Action {action.Status.DisplayName().ToLowerInvariant()}: {action.Action}" + (action.CompletionNote is null ? "" : $" – {action.CompletionNote}"), null);
        }
    }
}
