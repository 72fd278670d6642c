using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Core.Assessments;

public sealed record ScreenAreaInput(bool? Concern, string? Seen);

public sealed record ScreenInput(
    DateOnly? ScreenedOn,
    IReadOnlyDictionary<string, ScreenAreaInput> Areas,
    bool? HoldStrategyMeeting,
    string? Reason)
{
    public const int MaxText = 4000;

    /// <summary>Field keys: <c>areas.{key}.concern</c>, <c>areas.{key}.seen</c>, <c>areas.{key}</c> (unknown), <c>screenedOn</c>, <c>holdStrategyMeeting</c>, <c>reason</c>.</summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        if (ScreenedOn is { } on && on > today) errors.Add("screenedOn", "The date of the screen must be today or in the past");
        foreach (var key in Areas.Keys.Where(k => SafeguardAreas.Find(k) is null))
            errors.Add($"areas.{key}", $"‘{Truncate(key)}’ is not a SAFEGUARD area: use {string.Join(", ", SafeguardAreas.All.Select(a => a.Key))}");
        foreach (var area in SafeguardAreas.All)
        {
            Areas.TryGetValue(area.Key, out var answer);
            if (answer?.Concern is null) errors.Add($"areas.{area.Key}.concern", $"Select whether there is a concern about {area.Title.ToLowerInvariant()}");
            else if (answer.Concern == true && string.IsNullOrWhiteSpace(answer.Seen))
                errors.Add($"areas.{area.Key}.seen", $"Describe what was seen or heard about {area.Title.ToLowerInvariant()}");
            if (answer?.Seen?.Length > MaxText) errors.Add($"areas.{area.Key}.seen", $"What was seen must be {MaxText:N0} characters or fewer");
        }
        if (HoldStrategyMeeting is null) errors.Add("holdStrategyMeeting", "Select whether you will hold a strategy meeting and start a SEAM assessment");
        if (string.IsNullOrWhiteSpace(Reason)) errors.Add("reason", "Enter the reason for your decision");
        else if (Reason.Length > MaxText) errors.Add("reason", $"The reason must be {MaxText:N0} characters or fewer");
        return errors;
    }

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>SAFEGUARD screens: recorded by anyone who may see the young person's record, audited like the rest of it.</summary>
public sealed class ScreenRecords(SightlineDb db, NeedToKnow needToKnow, TimeProvider clock)
{
    public async Task<Outcome<SafeguardScreen>> RecordAsync(CurrentUser user, Guid personId, ScreenInput input, CancellationToken cancellationToken = default)
    {
        if (!(await needToKnow.DecideAsync(user, personId, cancellationToken)).Allowed) return Outcome<SafeguardScreen>.Missing();
        var today = clock.LondonToday();
        var errors = input.Validate(today);
        if (errors.Any) return Outcome<SafeguardScreen>.Invalid(errors);
        var screen = new SafeguardScreen
        {
            PersonId = personId, ScreenedOn = input.ScreenedOn ?? today, RecordedByUserId = user.UserId, AgencyId = user.AgencyId,
            RecordedAt = clock.GetUtcNow().UtcDateTime, HoldStrategyMeeting = input.HoldStrategyMeeting!.Value, DecisionReason = input.Reason!.Trim(),
        };
        foreach (var area in SafeguardAreas.All)
        {
            var answer = input.Areas[area.Key];
            screen.Areas.Add(new SafeguardScreenArea
            {
                ScreenId = screen.Id, PersonId = personId, AreaKey = area.Key, Concern = answer.Concern!.Value,
                Seen = string.IsNullOrWhiteSpace(answer.Seen) ? null : answer.Seen.Trim(),
            });
        }
        screen.ConcernCount = screen.Areas.Count(a => a.Concern);
        db.SafeguardScreens.Add(screen);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<SafeguardScreen>.Ok(screen);
    }

    public async Task<Outcome<IReadOnlyList<SafeguardScreen>>> ListAsync(CurrentUser user, Guid personId, CancellationToken cancellationToken = default)
    {
        if (!(await needToKnow.DecideAsync(user, personId, cancellationToken)).Allowed) return Outcome<IReadOnlyList<SafeguardScreen>>.Missing();
        var screens = await db.SafeguardScreens.AsNoTracking().AsSplitQuery()
            .Include(s => s.Areas).Include(s => s.RecordedBy).Include(s => s.Agency)
            .Where(s => s.PersonId == personId)
            .OrderByDescending(s => s.ScreenedOn).ThenByDescending(s => s.RecordedAt)
            .ToListAsync(cancellationToken);
        await db.Audit!.RecordNowAsync(AuditAction.View, "safeguard-screen", null, personId, new { list = "safeguard-screens", count = screens.Count }, cancellationToken);
        return Outcome<IReadOnlyList<SafeguardScreen>>.Ok(screens);
    }

    public async Task<SafeguardScreen?> GetAsync(CurrentUser user, Guid screenId, CancellationToken cancellationToken = default)
    {
        var screen = await db.SafeguardScreens.AsNoTracking().AsSplitQuery()
            .Include(s => s.Areas).Include(s => s.RecordedBy).Include(s => s.Agency)
            .FirstOrDefaultAsync(s => s.Id == screenId, cancellationToken);
        if (screen is null || !(await needToKnow.DecideAsync(user, screen.PersonId, cancellationToken)).Allowed) return null;
        await db.Audit!.RecordNowAsync(AuditAction.View, "safeguard-screen", screen.Id.ToString(), screen.PersonId, cancellationToken: cancellationToken);
        return screen;
    }
}
