using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Core.Missing;
using Sightline.Core.People;
using Sightline.Web.Pages.Assessments;

namespace Sightline.Web.Pages.Missing;

/// <summary>
/// Pages about one young person's missing episodes: the record's need-to-know gate (break-glass for
/// a record out of reach), and reading a GOV.UK date input with a 24-hour time beside it as a UTC instant.
/// </summary>
public abstract partial class MissingPage(PersonRecords records, SightlineDb db) : PersonWorkPage(records, db)
{
    /// <summary>
    /// A London date and time as UTC. Both empty is "not given" (the core says whether it is
    /// required); half an answer, an impossible date or time, or a time the clocks skipped is an error here.
    /// </summary>
    protected DateTime? ReadWhen(string field, DateParts date, string? time, string when)
    {
        var timeField = field + "Time";
        var hasTime = !string.IsNullOrWhiteSpace(time);
        if (date.IsEmpty)
        {
            if (hasTime) ModelState.AddModelError(field, $"Enter the date {when}");
            return null;
        }
        if (!date.TryGetDate(out var day))
        {
            ModelState.AddModelError(field, $"The date {when} must be a real date, like 27 3 2026");
            return null;
        }
        if (!hasTime)
        {
            ModelState.AddModelError(timeField, $"Enter the time {when}, like 21:30");
            return null;
        }
        if (!TryReadTime(time!, out var clock))
        {
            ModelState.AddModelError(timeField, $"Enter the time {when} on the 24-hour clock, like 21:30");
            return null;
        }
        var local = day.ToDateTime(clock, DateTimeKind.Unspecified);
        if (London.Zone.IsInvalidTime(local))
        {
            ModelState.AddModelError(timeField, $"The clocks went forward that night, so {clock:HH\\:mm} did not happen on {day.Display()}: check the time");
            return null;
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, London.Zone);
    }

    /// <summary>
    /// The core's errors for fields not already in error. A date and time that could not be read
    /// reaches the core as "not given"; its "Enter when…" would repeat the problem already shown on the time.
    /// </summary>
    protected void MergeWhenErrors(ValidationErrors errors)
    {
        var kept = new ValidationErrors();
        foreach (var (field, message) in errors.All)
            if (!ModelState.TryGetValue(field + "Time", out var time) || time.Errors.Count == 0) kept.Add(field, message);
        MergeErrors(kept);
    }

    [GeneratedRegex(@"^\s*(\d{1,2})[:.](\d{2})\s*$")]
    private static partial Regex TimePattern();

    public static bool TryReadTime(string text, out TimeOnly time)
    {
        time = default;
        var match = TimePattern().Match(text);
        if (!match.Success) return false;
        var hours = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minutes = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (hours > 23 || minutes > 59) return false;
        time = new TimeOnly(hours, minutes);
        return true;
    }

    /// <summary>The date boxes of a UTC instant, in London.</summary>
    public static DateParts DateOf(DateTime? utc) => DateParts.From(utc is { } t ? London.DateOf(t) : null);

    /// <summary>"21:30", in London.</summary>
    public static string? TimeOf(DateTime? utc) => utc?.ToLondon().ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The young person's episode, with its interview and the 72-hour clock; null when there is none (or it is another young person's).</summary>
    protected async Task<EpisodeView?> EpisodeAsync(MissingRecords missing, Guid episodeId, CancellationToken cancellationToken) =>
        await missing.ViewAsync(Me, Id, episodeId, cancellationToken);

    /// <summary>The active staff of the user's agency who work with records: those who may be responsible for an episode.</summary>
    protected async Task<List<(string Value, string Text)>> WorkersAsync(CancellationToken cancellationToken)
    {
        var agencyId = Me.AgencyId;
        var users = await Db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.Role }).ToListAsync(cancellationToken);
        return users.Where(u => u.Role.ReadsRecords()).OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(u => (u.Id.ToString(), $"{u.DisplayName} ({u.Role.DisplayName()})")).ToList();
    }

    /// <summary>An enum value by its name only (never a number), or null.</summary>
    public static T? ParseName<T>(string? value) where T : struct, Enum =>
        value is not null && Enum.GetNames<T>().Contains(value) ? Enum.Parse<T>(value) : null;
}

/// <summary>Words for the missing enums on pages.</summary>
public static class MissingText
{
    public static string DisplayName(this MissingFrom from) => from == MissingFrom.Home ? "Home" : "Care";

    public static string DisplayName(this PoliceRiskGrading grading) => grading switch
    {
        PoliceRiskGrading.NoApparentRisk => "No apparent risk",
        PoliceRiskGrading.Low => "Low",
        PoliceRiskGrading.Medium => "Medium",
        _ => "High",
    };

    /// <summary>Where the return home interview stands, as a tag.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent RhiTag(RhiState state) => Govuk.Tag(state.DisplayName(), state.TagColour());

    public static bool ClockRunning(RhiState state) => state is RhiState.Due or RhiState.DueSoon or RhiState.Overdue;

    public static readonly RadioItem[] Categories =
    [
        new(nameof(MissingCategory.Missing), MissingCategory.Missing.DisplayName(), "Whereabouts cannot be established and they may be at risk"),
        new(nameof(MissingCategory.Absent), MissingCategory.Absent.DisplayName(), "Not where they were expected to be, but not thought to be at risk"),
        new(nameof(MissingCategory.AwayWithoutAuthorisation), MissingCategory.AwayWithoutAuthorisation.DisplayName(), "Whereabouts known, but away from their placement without permission"),
    ];

    public static readonly RadioItem[] FromOptions =
    [
        new(nameof(MissingFrom.Home), "Home"),
        new(nameof(MissingFrom.Care), "Care", "A placement, children’s home or foster home"),
    ];

    /// <summary>The police risk gradings, and "Not graded" (the empty answer).</summary>
    public const string NotGraded = "NotGraded";

    public static readonly RadioItem[] Gradings =
    [
        .. Enum.GetValues<PoliceRiskGrading>().Select(g => new RadioItem(g.ToString(), g.DisplayName())),
        new(NotGraded, "Not graded", DividerBefore: "or"),
    ];
}
