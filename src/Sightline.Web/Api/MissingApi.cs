using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Core.Missing;
using Sightline.Core.People;
using Sightline.Web.Auth;

namespace Sightline.Web.Api;

/// <summary>
/// Missing episodes and return home interviews under <c>/api/v1/people/{id}/missing-episodes</c>
/// (the roles that work with records), and the board's missing figures at
/// <c>/api/v1/missing/summary</c> (those roles and analysts: counts only, no names). The rules
/// live in the Core (<see cref="MissingRecords"/>); this maps JSON to them and their outcomes to
/// HTTP as <see cref="AssessmentsApi"/> does: outside need-to-know is 404, field errors are 400
/// keyed by field, a stale row version is 409.
/// <para>
/// Times are ISO 8601: with <c>Z</c> or an offset they are that instant; without one they are
/// London local time. Responses give them in UTC (<c>…Z</c>). Some fields have aliases
/// (<c>lastSeenAt</c>, <c>reportedToPoliceAt</c>, <c>returnedAt</c>/<c>foundAt</c>/<c>found</c>,
/// <c>offeredAt</c>, <c>completedAt</c>); an error in a field sent by its alias is reported under
/// both the alias and the field's own name.
/// </para>
/// <para>
/// <c>PUT</c> of an episode merges: fields absent from the body keep their stored values, a field
/// sent as null is cleared. A second <c>POST</c> of a return home interview merges into the same
/// interview the same way and answers 200 (the first answers 201).
/// </para>
/// </summary>
public static class MissingApi
{
    public const string CategoryValues = "missing, absent, away-without-authorisation";
    public const string FromValues = "home, care";
    public const string GradingValues = "no-apparent-risk, low, medium, high";

    private static readonly (string Field, string[] Aliases)[] EpisodeAliases =
    [
        ("lastSeen", ["lastSeenAt"]),
        ("reportedToPolice", ["reportedToPoliceAt"]),
        ("returned", ["returnedAt", "foundAt", "found"]),
    ];

    private static readonly (string Field, string[] Aliases)[] InterviewAliases =
    [
        ("offered", ["offeredAt"]),
        ("completed", ["completedAt"]),
    ];

    public static void MapMissingApi(this IEndpointRouteBuilder app)
    {
        var episodes = app.MapGroup("/api/v1/people/{id:guid}/missing-episodes")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager))
            .WithTags("Missing episodes");
        episodes.MapPost("", RecordAsync).WithName("RecordMissingEpisode").Accepts<EpisodeRequest>("application/json")
            .WithSummary("Record a missing episode (open until the return is recorded)")
            .Produces<EpisodeResponse>(201).ProducesValidationProblem().ProducesProblem(404);
        episodes.MapGet("", ListAsync).WithName("ListMissingEpisodes")
            .WithSummary("The young person's episodes, newest first, with the repeat-missing flag, frequent places and associates")
            .Produces<MissingHistoryResponse>().ProducesProblem(404);
        episodes.MapGet("/{episodeId:guid}", GetAsync).WithName("GetMissingEpisode")
            .Produces<EpisodeResponse>().ProducesProblem(404);
        episodes.MapPut("/{episodeId:guid}", UpdateAsync).WithName("UpdateMissingEpisode").Accepts<EpisodeRequest>("application/json")
            .WithSummary("Change an episode, most often to record the return: fields absent from the body keep their values; rowVersion or If-Match optional")
            .Produces<EpisodeResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        episodes.MapPost("/{episodeId:guid}/return-home-interviews", RecordInterviewAsync).WithName("RecordReturnHomeInterview")
            .Accepts<InterviewRequest>("application/json")
            .WithSummary("Record the return home interview (201), or update it (200): fields absent from the body keep their values")
            .Produces<EpisodeResponse>(201).Produces<EpisodeResponse>().ProducesValidationProblem().ProducesProblem(404);
        episodes.MapGet("/{episodeId:guid}/return-home-interviews", GetInterviewAsync).WithName("GetReturnHomeInterview")
            .Produces<RhiResponse>().ProducesProblem(404);

        app.MapGet("/api/v1/missing/summary", SummaryAsync).WithName("MissingSummary").WithTags("Missing episodes")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
                .RequireRole(Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager, Roles.Analyst))
            .WithSummary("Board figures for a period (episodes that began from `from` to `to`, London dates; default the last 12 months): counts only")
            .Produces<MissingSummaryResponse>().ProducesValidationProblem();
    }


    private static IResult Failure<T>(Outcome<T> outcome, Dictionary<string, string> sent) => ApiProblems.From(outcome, errors => WithAliases(errors, sent));

    private static DateTime UtcNow(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    // ---- Episodes ----

    private static async Task<IResult> RecordAsync(HttpContext context, MissingRecords records, NeedToKnow needToKnow, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var me = context.Me();
        if (!(await needToKnow.DecideAsync(me, id, cancellationToken)).Allowed) return ApiProblems.NotFound();
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var sent = new Dictionary<string, string>(StringComparer.Ordinal);
        var input = ReadEpisode(body, new EpisodeInput(null, null, null, null), sent);
        if (body.Errors.Any) return ApiProblems.Validation(WithAliases(Merge(body.Errors, input.Validate(UtcNow(clock))), sent));
        var outcome = await records.RecordAsync(me, id, input, cancellationToken);
        if (!outcome.Succeeded) return Failure(outcome, sent);
        var episode = outcome.Value!;
        context.Response.Headers.ETag = ETag(episode.Version);
        return Results.Created($"/api/v1/people/{id}/missing-episodes/{episode.Id}", EpisodeResponse.Of(records.ViewOf(episode)));
    }

    private static async Task<IResult> ListAsync(HttpContext context, MissingRecords records, Guid id, CancellationToken cancellationToken)
    {
        var outcome = await records.HistoryAsync(context.Me(), id, cancellationToken);
        if (!outcome.Succeeded) return Failure(outcome, []);
        var history = outcome.Value!;
        return Results.Ok(new MissingHistoryResponse(
            history.Episodes.Select(EpisodeResponse.Of).ToList(),
            history.RepeatMissing,
            history.FrequentPlaces.Select(p => new PlaceCount(p.Place, p.Times)).ToList(),
            history.FrequentAssociates.Select(a => new AssociateCount(a.With, a.Times)).ToList()));
    }

    private static async Task<IResult> GetAsync(HttpContext context, MissingRecords records, Guid id, Guid episodeId, CancellationToken cancellationToken)
    {
        var view = await records.ViewAsync(context.Me(), id, episodeId, cancellationToken);
        if (view is null) return ApiProblems.NotFound();
        context.Response.Headers.ETag = ETag(view.Episode.Version);
        return Results.Ok(EpisodeResponse.Of(view));
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, MissingRecords records, NeedToKnow needToKnow, SightlineDb db, TimeProvider clock,
        Guid id, Guid episodeId, CancellationToken cancellationToken)
    {
        var me = context.Me();
        if (!(await needToKnow.DecideAsync(me, id, cancellationToken)).Allowed) return ApiProblems.NotFound();
        var stored = await db.MissingEpisodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId && e.PersonId == id, cancellationToken);
        if (stored is null) return ApiProblems.NotFound();
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;

        var rowVersion = body.Guid("rowVersion") ?? (body.Present("rowVersion") ? null : body.Guid("version"));
        var ifMatch = context.Request.Headers.IfMatch.ToString().Trim().TrimStart('W', '/').Trim('"', ' ');
        if (rowVersion is null && Guid.TryParse(ifMatch, out var fromHeader)) rowVersion = fromHeader;

        var sent = new Dictionary<string, string>(StringComparer.Ordinal);
        var input = ReadEpisode(body, StoredInput(stored), sent);
        if (body.Errors.Any) return ApiProblems.Validation(WithAliases(Merge(body.Errors, input.Validate(UtcNow(clock))), sent));
        var outcome = await records.UpdateAsync(me, id, episodeId, input, rowVersion, cancellationToken);
        if (!outcome.Succeeded) return Failure(outcome, sent);
        context.Response.Headers.ETag = ETag(outcome.Value!.Version);
        return Results.Ok(EpisodeResponse.Of(records.ViewOf(outcome.Value)));
    }

    private static EpisodeInput StoredInput(MissingEpisode e) => new(e.Category, e.From, e.Placement, e.LastSeenAt, e.ReportedToPoliceAt, e.PoliceReference,
        e.PoliceRiskGrading, e.ReturnedAt, e.WhereFound, e.Circumstances, e.WithWhom, e.ResponsibleUserId);

    /// <summary>The episode's fields as sent, each over its value in <paramref name="stored"/> (empty for a new episode).</summary>
    private static EpisodeInput ReadEpisode(JsonBody body, EpisodeInput stored, Dictionary<string, string> sent)
    {
        string? Name(string field) => SentName(body, field, EpisodeAliases, sent);
        return new EpisodeInput(
            Name("category") is { } category ? Choice(body, category, CategoryValues, ParseCategory) : stored.Category,
            Name("from") is { } from ? Choice(body, from, FromValues, ParseFrom) : stored.From,
            Name("placement") is { } placement ? body.String(placement) : stored.Placement,
            Name("lastSeen") is { } lastSeen ? body.Time(lastSeen) : stored.LastSeen,
            Name("reportedToPolice") is { } reported ? body.Time(reported) : stored.ReportedToPolice,
            Name("policeReference") is { } reference ? body.String(reference) : stored.PoliceReference,
            Name("policeRiskGrading") is { } grading ? Choice(body, grading, GradingValues, ParseGrading) : stored.PoliceRiskGrading,
            Name("returned") is { } returned ? body.Time(returned) : stored.Returned,
            Name("whereFound") is { } where ? body.String(where) : stored.WhereFound,
            Name("circumstances") is { } circumstances ? body.String(circumstances) : stored.Circumstances,
            Name("withWhom") is { } withWhom ? body.String(withWhom) : stored.WithWhom,
            Name("responsibleUserId") is { } responsible ? body.Guid(responsible) : stored.ResponsibleUserId);
    }

    // ---- Return home interviews ----

    private static async Task<IResult> RecordInterviewAsync(HttpContext context, MissingRecords records, NeedToKnow needToKnow, SightlineDb db, TimeProvider clock,
        Guid id, Guid episodeId, CancellationToken cancellationToken)
    {
        var me = context.Me();
        if (!(await needToKnow.DecideAsync(me, id, cancellationToken)).Allowed) return ApiProblems.NotFound();
        var episode = await db.MissingEpisodes.AsNoTracking().Include(e => e.Interview)
            .FirstOrDefaultAsync(e => e.Id == episodeId && e.PersonId == id, cancellationToken);
        if (episode is null) return ApiProblems.NotFound();
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;

        var existing = episode.Interview;
        var stored = existing is null
            ? new InterviewInput(null, null, null, null, null, null, null, null, null)
            : new InterviewInput(existing.OfferedAt, existing.OfferedBy, existing.Accepted, existing.CompletedAt, existing.CompletedByAgencyId, existing.Worker,
                existing.YoungPersonSaid, existing.RisksDisclosed, existing.FollowUp);
        var sent = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Name(string field) => SentName(body, field, InterviewAliases, sent);
        var agencyId = await ReadAgencyAsync(body, db, stored.AgencyId, cancellationToken);
        var input = new InterviewInput(
            Name("offered") is { } offered ? body.Time(offered) : stored.Offered,
            Name("offeredBy") is { } offeredBy ? body.String(offeredBy) : stored.OfferedBy,
            Name("accepted") is { } accepted ? Accepted(body, accepted) : stored.Accepted,
            Name("completed") is { } completed ? body.Time(completed) : stored.Completed,
            agencyId,
            Name("worker") is { } worker ? body.String(worker) : stored.Worker,
            Name("youngPersonSaid") is { } said ? body.String(said) : stored.YoungPersonSaid,
            Name("risksDisclosed") is { } risks ? body.String(risks) : stored.RisksDisclosed,
            Name("followUp") is { } followUp ? body.String(followUp) : stored.FollowUp);
        if (body.Errors.Any) return ApiProblems.Validation(WithAliases(Merge(body.Errors, input.Validate(episode.ReturnedAt, UtcNow(clock))), sent));

        var outcome = await records.RecordInterviewAsync(me, id, episodeId, input, cancellationToken: cancellationToken);
        if (!outcome.Succeeded) return Failure(outcome, sent);
        var saved = await db.MissingEpisodes.AsNoTracking().Include(e => e.Interview).ThenInclude(i => i!.CompletedByAgency)
            .FirstAsync(e => e.Id == episodeId, cancellationToken);
        context.Response.Headers.ETag = ETag(saved.Version);
        var response = EpisodeResponse.Of(records.ViewOf(saved));
        return existing is null
            ? Results.Created($"/api/v1/people/{id}/missing-episodes/{episodeId}/return-home-interviews", response)
            : Results.Ok(response);
    }

    private static async Task<IResult> GetInterviewAsync(HttpContext context, MissingRecords records, Guid id, Guid episodeId, CancellationToken cancellationToken)
    {
        var view = await records.ViewAsync(context.Me(), id, episodeId, cancellationToken);
        if (view?.Episode.Interview is null) return ApiProblems.NotFound();
        return Results.Ok(RhiResponse.From(view));
    }

    /// <summary>
    /// The agency that completed the interview: <c>agencyId</c> (an id, or leniently a name), or
    /// <c>agency</c> (a name, matched to an active agency ignoring case, or an id).
    /// </summary>
    private static async Task<Guid?> ReadAgencyAsync(JsonBody body, SightlineDb db, Guid? stored, CancellationToken cancellationToken)
    {
        var field = body.Present("agencyId") ? "agencyId" : body.Present("agency") ? "agency" : null;
        if (field is null) return stored;
        var text = body.String(field);
        if (text is null) return null;
        if (Guid.TryParse(text, out var id)) return id;
        var name = text.Trim();
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var match = agencies.FirstOrDefault(a => string.Equals(a.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));
        if (match is not null) return match.Id;
        body.Errors.Add(field, field == "agencyId"
            ? "agencyId must be the id of an active agency (or send the agency's name in agency)"
            : $"agency must be the name of an active agency, one of: {string.Join(", ", agencies.Select(a => a.Name).Order(StringComparer.OrdinalIgnoreCase))}");
        return null;
    }

    private static bool? Accepted(JsonBody body, string name)
    {
        if (!body.TryGet(name, out var value)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        if (value.ValueKind == JsonValueKind.String)
        {
            switch (Compact(value.GetString()!))
            {
                case "true" or "yes" or "accepted": return true;
                case "false" or "no" or "declined": return false;
            }
        }
        body.Errors.Add(name, $"{name} must be true (accepted) or false (declined)");
        return null;
    }

    // ---- Board figures ----

    private static async Task<IResult> SummaryAsync(MissingRecords records, TimeProvider clock,
        [FromQuery(Name = "from")] string? fromText, [FromQuery(Name = "to")] string? toText, [FromQuery(Name = "top")] string? topText,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var today = clock.LondonToday();
        DateOnly from, to;
        if (string.IsNullOrWhiteSpace(fromText) && string.IsNullOrWhiteSpace(toText))
        {
            to = today;
            from = today.AddMonths(-12).AddDays(1);
        }
        else
        {
            from = QueryDate(errors, "from", fromText);
            to = QueryDate(errors, "to", toText);
            if (!errors.Any && to < from) errors.Add("to", "to must be on or after from");
        }
        var top = 5;
        if (!string.IsNullOrWhiteSpace(topText) && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > 1000))
            errors.Add("top", "top must be a whole number from 1 to 1000");
        if (errors.Any) return ApiProblems.Validation(errors);

        var report = await records.SummaryAsync(from, to, top, cancellationToken);
        return Results.Ok(MissingSummaryResponse.Of(report));
    }

    private static DateOnly QueryDate(ValidationErrors errors, string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Add(name, $"{name} is required: a date in the form YYYY-MM-DD");
        else if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2999)
            return date;
        else errors.Add(name, $"{name} must be a date in the form YYYY-MM-DD");
        return default;
    }

    // ---- Reading values ----

    /// <summary>The name under which the body sends a field (its own, else an alias), or null when it is absent.</summary>
    private static string? SentName(JsonBody body, string field, (string Field, string[] Aliases)[] aliases, Dictionary<string, string> sent)
    {
        if (body.Present(field)) return field;
        foreach (var alias in aliases.Where(a => a.Field == field).SelectMany(a => a.Aliases))
        {
            if (!body.Present(alias)) continue;
            sent[field] = alias;
            return alias;
        }
        return null;
    }

    private static T? Choice<T>(JsonBody body, string name, string allowed, Func<string, T?> parse) where T : struct
    {
        if (!body.TryGet(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String && parse(Compact(value.GetString()!)) is { } parsed) return parsed;
        body.Errors.Add(name, $"{name} must be one of: {allowed}");
        return null;
    }

    private static string Compact(string text) =>
        string.Concat(text.Where(c => c is not ('-' or '_' or ' '))).ToLowerInvariant();

    private static MissingCategory? ParseCategory(string compact) => compact switch
    {
        "missing" => MissingCategory.Missing,
        "absent" => MissingCategory.Absent,
        "awaywithoutauthorisation" or "awaywithoutauthorization" or "awayfromplacementwithoutauthorisation" or "awayfromplacementwithoutauthorization"
            or "awayfromplacement" or "away" or "awol" => MissingCategory.AwayWithoutAuthorisation,
        _ => null,
    };

    private static MissingFrom? ParseFrom(string compact) => compact switch
    {
        "home" or "fromhome" => MissingFrom.Home,
        "care" or "fromcare" => MissingFrom.Care,
        _ => null,
    };

    private static PoliceRiskGrading? ParseGrading(string compact) => compact switch
    {
        "noapparentrisk" or "none" or "norisk" => PoliceRiskGrading.NoApparentRisk,
        "low" => PoliceRiskGrading.Low,
        "medium" => PoliceRiskGrading.Medium,
        "high" => PoliceRiskGrading.High,
        _ => null,
    };

    /// <summary>Adds the Core's own errors to those of reading the JSON; a field that could not be read is not reported twice.</summary>
    private static ValidationErrors Merge(ValidationErrors read, ValidationErrors rules)
    {
        var unreadable = read.All.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, message) in rules.All)
            if (!unreadable.Contains(field)) read.Add(field, message);
        return read;
    }

    /// <summary>An error in a field sent by an alias is reported under both names, so a client finds it whichever it looks for.</summary>
    private static ValidationErrors WithAliases(ValidationErrors errors, Dictionary<string, string> sent)
    {
        if (sent.Count == 0) return errors;
        var result = new ValidationErrors();
        foreach (var (field, message) in errors.All)
        {
            var canonical = sent.FirstOrDefault(s => s.Value == field).Key ?? field;
            result.Add(canonical, message);
            if (sent.TryGetValue(canonical, out var alias)) result.Add(alias, message);
        }
        return result;
    }

    private static string ETag(Guid version) => $"\"{version}\"";
}

// ---- Requests (for the OpenAPI document; bodies are read field by field) ----

/// <summary>
/// An episode. <c>category</c>: missing, absent, away-without-authorisation; <c>from</c>: home, care;
/// <c>policeRiskGrading</c>: no-apparent-risk, low, medium, high. Times in ISO 8601 (no offset = London time).
/// </summary>
public sealed record EpisodeRequest(string Category, string From, string LastSeen, string? Placement, string? ReportedToPolice, string? PoliceReference,
    string? PoliceRiskGrading, string? Returned, string? WhereFound, string? Circumstances, string? WithWhom, Guid? ResponsibleUserId, Guid? RowVersion);

/// <summary>A return home interview. <c>agencyId</c>, or the agency's name in <c>agency</c>.</summary>
public sealed record InterviewRequest(string? Offered, string? OfferedBy, bool? Accepted, string? Completed, Guid? AgencyId, string? Agency, string? Worker,
    string? YoungPersonSaid, string? RisksDisclosed, string? FollowUp);

// ---- Responses ----

/// <summary>
/// Where the return home interview stands. <c>state</c>: NotStarted (not yet returned), Due, DueSoon,
/// Overdue, CompletedInTime, CompletedLate, Declined. <c>dueAt</c> is 72 hours after the return.
/// <c>completedWithin72Hours</c> is null until it is completed.
/// </summary>
public sealed record RhiResponse(Guid? Id, Guid EpisodeId, string State, string StateName, DateTime? DueAt, DateTime? Offered, string? OfferedBy, bool? Accepted,
    DateTime? Completed, Guid? AgencyId, string? Agency, string? Worker, string? YoungPersonSaid, string? RisksDisclosed, string? FollowUp,
    bool? CompletedWithin72Hours, DateTime? RecordedAt, Guid? RowVersion)
{
    public static RhiResponse From(EpisodeView view)
    {
        var i = view.Episode.Interview;
        bool? inTime = i?.CompletedAt is { } done && view.RhiDueAt is { } due ? done <= due : null;
        return new RhiResponse(i?.Id, view.Episode.Id, view.RhiState.ToString(), view.RhiState.DisplayName(), view.RhiDueAt, i?.OfferedAt, i?.OfferedBy, i?.Accepted,
            i?.CompletedAt, i?.CompletedByAgencyId, i?.CompletedByAgency?.Name, i?.Worker, i?.YoungPersonSaid, i?.RisksDisclosed, i?.FollowUp,
            inTime, i?.RecordedAt, i?.Version);
    }
}

/// <summary>An episode. <c>category</c>, <c>from</c> and <c>policeRiskGrading</c> as sent (kebab case); times in UTC.</summary>
public sealed record EpisodeResponse(Guid Id, Guid PersonId, string Category, string From, string? Placement, DateTime LastSeen, DateTime? ReportedToPolice,
    string? PoliceReference, string? PoliceRiskGrading, DateTime? Returned, string? WhereFound, string? Circumstances, string? WithWhom, Guid? ResponsibleUserId,
    double? DurationHours, bool IsOpen, RhiResponse Rhi, Guid RecordedByUserId, DateTime RecordedAt, DateTime UpdatedAt, Guid RowVersion)
{
    public static EpisodeResponse Of(EpisodeView view)
    {
        var e = view.Episode;
        return new EpisodeResponse(e.Id, e.PersonId, e.Category.Kebab(), e.From.Kebab(), e.Placement, e.LastSeenAt, e.ReportedToPoliceAt, e.PoliceReference,
            e.PoliceRiskGrading?.Kebab(), e.ReturnedAt, e.WhereFound, e.Circumstances, e.WithWhom, e.ResponsibleUserId,
            e.Duration?.TotalHours, e.IsOpen, RhiResponse.From(view), e.RecordedByUserId, e.RecordedAt, e.UpdatedAt, e.Version);
    }
}

public sealed record PlaceCount(string Place, int Times);

public sealed record AssociateCount(string With, int Times);

/// <summary>A young person's episodes, newest first, and the patterns in them.</summary>
public sealed record MissingHistoryResponse(IReadOnlyList<EpisodeResponse> Episodes, bool RepeatMissing, IReadOnlyList<PlaceCount> FrequentPlaces,
    IReadOnlyList<AssociateCount> FrequentAssociates);

public sealed record SummaryGroupResponse(string Key, int YoungPeople, int Episodes);

public sealed record RhiFigures(int Offered, int Accepted, int Completed, int CompletedWithin72Hours);

/// <summary>
/// The board's missing figures for the episodes that began in the period. Shares are fractions
/// (0.25 is a quarter); durations in hours, null when no episode in the period has ended.
/// </summary>
public sealed record MissingSummaryResponse(
    string From, string To, int YoungPeople, int Episodes, int OpenEpisodes,
    int Top5Episodes, double Top5Share, int TopN, int TopNEpisodes, double TopNShare,
    double? MedianDurationHours, double? LongestDurationHours, RhiFigures Rhi,
    IReadOnlyList<SummaryGroupResponse> ByMonth, IReadOnlyList<SummaryGroupResponse> ByAgeBand, IReadOnlyList<SummaryGroupResponse> BySex,
    IReadOnlyList<SummaryGroupResponse> ByEthnicity, IReadOnlyList<SummaryGroupResponse> ByFrom)
{
    public static MissingSummaryResponse Of(MissingSummaryReport r)
    {
        static List<SummaryGroupResponse> Groups(IEnumerable<SummaryGroup> groups) => groups.Select(g => new SummaryGroupResponse(g.Key, g.YoungPeople, g.Episodes)).ToList();
        return new MissingSummaryResponse(r.From.ToString("yyyy-MM-dd"), r.To.ToString("yyyy-MM-dd"), r.YoungPeople, r.Episodes, r.OpenEpisodes,
            r.Top5Episodes, r.Top5Share, r.TopN, r.TopNEpisodes, r.TopNShare, r.MedianDurationHours, r.LongestDurationHours,
            new RhiFigures(r.RhiOffered, r.RhiAccepted, r.RhiCompleted, r.RhiCompletedWithin72Hours),
            Groups(r.ByMonth), Groups(r.ByAgeBand), Groups(r.BySex), Groups(r.ByEthnicity), Groups(r.ByFrom));
    }
}
