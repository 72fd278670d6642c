namespace Sightline.Core.Missing;

/// <summary>Where an episode's return home interview stands on the 72-hour clock.</summary>
public enum RhiState
{
    /// <summary>The young person has not returned: the clock has not started.</summary>
    NotStarted,
    /// <summary>Returned; the interview is due and more than <see cref="MissingSettings.DueSoonHours"/> remain.</summary>
    Due,
    /// <summary>Fewer than <see cref="MissingSettings.DueSoonHours"/> hours remain.</summary>
    DueSoon,
    /// <summary>72 hours have passed without an interview.</summary>
    Overdue,
    CompletedInTime,
    CompletedLate,
    /// <summary>Offered in time and declined by the young person.</summary>
    Declined,
}

/// <summary>Configuration under <c>Missing</c>: the repeat-missing prompt and the reminder window.</summary>
public sealed class MissingSettings
{
    /// <summary>This many episodes…</summary>
    public int RepeatEpisodes { get; set; } = 3;
    /// <summary>…within this many days is "repeat missing".</summary>
    public int RepeatDays { get; set; } = 90;
    /// <summary>An interview is "due soon" in the last this-many hours of the 72.</summary>
    public int DueSoonHours { get; set; } = 24;
}

/// <summary>The missing rules as pure functions (national guidance: a return home interview within 72 hours of the return).</summary>
public static class MissingRules
{
    public static readonly TimeSpan RhiWindow = TimeSpan.FromHours(72);

    public static DateTime? RhiDueAt(DateTime? returnedAt) => returnedAt + RhiWindow;

    public static RhiState RhiStateOf(DateTime? returnedAt, DateTime? offeredAt, bool? accepted, DateTime? completedAt, DateTime now, MissingSettings settings)
    {
        if (returnedAt is not { } back) return RhiState.NotStarted;
        var due = back + RhiWindow;
        if (completedAt is { } done) return done <= due ? RhiState.CompletedInTime : RhiState.CompletedLate;
        if (accepted == false && offeredAt is { } offered) return offered <= due ? RhiState.Declined : RhiState.Overdue;
        if (now > due) return RhiState.Overdue;
        return due - now <= TimeSpan.FromHours(settings.DueSoonHours) ? RhiState.DueSoon : RhiState.Due;
    }

    /// <summary>
    /// Whether the young person is "repeat missing" at <paramref name="at"/>: at least
    /// <see cref="MissingSettings.RepeatEpisodes"/> episodes began in the <see cref="MissingSettings.RepeatDays"/> days up to it.
    /// </summary>
    public static bool IsRepeatMissing(IEnumerable<DateTime> lastSeenTimes, DateTime at, MissingSettings settings)
    {
        var from = at.AddDays(-settings.RepeatDays);
        return lastSeenTimes.Count(t => t > from && t <= at) >= settings.RepeatEpisodes;
    }

    public static string DisplayName(this MissingCategory category) => category switch
    {
        MissingCategory.Missing => "Missing",
        MissingCategory.Absent => "Absent",
        _ => "Away from placement without authorisation",
    };

    public static string DisplayName(this RhiState state) => state switch
    {
        RhiState.NotStarted => "Not yet returned",
        RhiState.Due => "Due",
        RhiState.DueSoon => "Due soon",
        RhiState.Overdue => "Overdue",
        RhiState.CompletedInTime => "Completed within 72 hours",
        RhiState.CompletedLate => "Completed late",
        _ => "Declined",
    };

    public static string TagColour(this RhiState state) => state switch
    {
        RhiState.Overdue => "red",
        RhiState.DueSoon => "orange",
        RhiState.CompletedInTime => "green",
        RhiState.CompletedLate => "yellow",
        RhiState.Declined => "purple",
        _ => "blue",
    };

    /// <summary>"2 days 5 hours", "7 hours", "45 minutes".</summary>
    public static string DurationText(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) duration = TimeSpan.Zero;
        if (duration.TotalHours < 1) return $"{(int)duration.TotalMinutes} minutes";
        var days = (int)duration.TotalDays;
        var hours = duration.Hours;
        return days == 0 ? Plural(hours, "hour") : hours == 0 ? Plural(days, "day") : $"{Plural(days, "day")} {Plural(hours, "hour")}";
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
