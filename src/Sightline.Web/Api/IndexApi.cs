using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.VulnerableAdolescents;
using Sightline.Web.Auth;

namespace Sightline.Web.Api;

/// <summary>
/// The Vulnerable Adolescents Index under <c>/api/v1</c>: practitioners' entries (the roles that
/// work with records; outside need-to-know is 404), the cohort on a date (those roles only: names
/// only of the young people the user may see, references for the rest), and the board summary
/// (those roles and analysts: counts only). The rules live in <see cref="IndexRecords"/>.
/// </summary>
public static class IndexApi
{
    public static void MapIndexApi(this IEndpointRouteBuilder app)
    {
        var records = app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager))
            .WithTags("Vulnerable Adolescents Index");
        records.MapPost("/index-entries", AddAsync).WithName("AddIndexEntry").Accepts<IndexEntryRequest>("application/json")
            .WithSummary("Put a young person (aged 11 to 18 on the start date) on the index by a practitioner's decision, with the reason")
            .Produces<IndexEntryResponse>(201).ProducesValidationProblem().ProducesProblem(404);
        records.MapGet("/index-entries/{entryId:guid}", GetAsync).WithName("GetIndexEntry").Produces<IndexEntryResponse>().ProducesProblem(404);
        records.MapPost("/index-entries/{entryId:guid}/end", EndAsync).WithName("EndIndexEntry").Accepts<EndIndexEntryRequest>("application/json")
            .WithSummary("End a practitioner's entry (the young person may stay on the index by rule)")
            .Produces<IndexEntryResponse>().ProducesValidationProblem().ProducesProblem(404);
        records.MapGet("/people/{id:guid}/index-entries", ListAsync).WithName("ListIndexEntries")
            .Produces<IndexEntryResponse[]>().ProducesProblem(404);
        records.MapGet("/index", CohortAsync).WithName("IndexCohort")
            .WithSummary("The cohort on a date (default today): names only of those you may see, references for the rest")
            .Produces<IndexCohortResponse>().ProducesValidationProblem();

        app.MapGet("/api/v1/index/summary", SummaryAsync).WithName("IndexSummary").WithTags("Vulnerable Adolescents Index")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
                .RequireRole(Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager, Roles.Analyst))
            .WithSummary("The board summary on a date (default today): the 11–17 and 18 (leaving care) counts and each flag's count, share and overlap with YOT")
            .Produces<IndexSummaryResponse>().ProducesValidationProblem();
    }



    private static async Task<IResult> AddAsync(HttpContext context, IndexRecords index, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var personId = body.Guid("personId");
        var reason = body.String("reason");
        var startDate = body.Date("startDate");
        if (personId is null) body.Errors.Add("personId", "personId is required: the young person's id as returned by the API");
        if (body.Errors.Any)
        {
            // Nothing here depends on the young person, so it says nothing about whether they exist.
            if (string.IsNullOrWhiteSpace(reason)) body.Errors.Add("reason", "Enter why the young person is at risk of or vulnerable to exploitation");
            if (startDate is null) body.Errors.Add("startDate", "startDate is required (YYYY-MM-DD)");
            return ApiProblems.Validation(body.Errors);
        }
        var outcome = await index.AddAsync(context.Me(), personId!.Value, reason, startDate, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        var entry = outcome.Value!;
        return Results.Created($"/api/v1/index-entries/{entry.Id}", IndexEntryResponse.From(entry, clock.LondonToday()));
    }

    private static async Task<IResult> GetAsync(HttpContext context, SightlineDb db, NeedToKnow needToKnow, TimeProvider clock, Guid entryId, CancellationToken cancellationToken)
    {
        var entry = await db.IndexEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null || !(await needToKnow.DecideAsync(context.Me(), entry.PersonId, cancellationToken)).Allowed) return ApiProblems.NotFound();
        await db.Audit!.RecordNowAsync(AuditAction.View, "index-entry", entryId.ToString(), entry.PersonId, cancellationToken: cancellationToken);
        return Results.Ok(IndexEntryResponse.From(entry, clock.LondonToday()));
    }

    private static async Task<IResult> EndAsync(HttpContext context, IndexRecords index, TimeProvider clock, Guid entryId, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var endDate = body.Date("endDate");
        var reason = body.Present("reason") ? body.String("reason") : body.String("endReason");
        // A field that could not be read reaches the Core as missing, so the Core cannot succeed with it;
        // outside need-to-know the answer is 404 whatever the body says.
        var outcome = await index.EndAsync(context.Me(), entryId, endDate, reason, cancellationToken);
        if (outcome.NotFound) return ApiProblems.NotFound();
        if (body.Errors.Any)
        {
            foreach (var (field, message) in outcome.Errors?.All ?? []) body.Errors.Add(field, message);
            return ApiProblems.Validation(body.Errors);
        }
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        return Results.Ok(IndexEntryResponse.From(outcome.Value!, clock.LondonToday()));
    }

    private static async Task<IResult> ListAsync(HttpContext context, IndexRecords index, NeedToKnow needToKnow, SightlineDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        if (!(await needToKnow.DecideAsync(context.Me(), id, cancellationToken)).Allowed) return ApiProblems.NotFound();
        var entries = await index.EntriesForAsync(id, cancellationToken);
        await db.Audit!.RecordNowAsync(AuditAction.View, "index-entry", null, id, new { list = "index-entries", count = entries.Count }, cancellationToken);
        var today = clock.LondonToday();
        return Results.Ok(entries.Select(e => IndexEntryResponse.From(e, today)).ToList());
    }

    private static async Task<IResult> CohortAsync(HttpContext context, IndexRecords index, TimeProvider clock, [FromQuery(Name = "date")] string? dateText, CancellationToken cancellationToken)
    {
        var (date, problem) = DateOf(dateText, clock);
        if (problem is not null) return problem;
        var cohort = await index.CohortAsync(context.Me(), date, cancellationToken);
        return Results.Ok(IndexCohortResponse.From(cohort));
    }

    private static async Task<IResult> SummaryAsync(IndexRecords index, TimeProvider clock, [FromQuery(Name = "date")] string? dateText, CancellationToken cancellationToken)
    {
        var (date, problem) = DateOf(dateText, clock);
        if (problem is not null) return problem;
        return Results.Ok(IndexSummaryResponse.From(await index.SummaryAsync(date, cancellationToken)));
    }

    /// <summary>The <c>date</c> query parameter: YYYY-MM-DD, today in London when omitted.</summary>
    private static (DateOnly Date, IResult? Problem) DateOf(string? text, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(text)) return (clock.LondonToday(), null);
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2999)
            return (date, null);
        return (default, ApiProblems.Validation(new ValidationErrors().Add("date", "date must be a date in the form YYYY-MM-DD")));
    }
}

// ---- Requests ----

public sealed record IndexEntryRequest(Guid PersonId, string Reason, string StartDate);

public sealed record EndIndexEntryRequest(string EndDate, string Reason);

// ---- Responses ----

public sealed record IndexEntryResponse(Guid Id, Guid PersonId, string Reason, string StartDate, string? EndDate, string? EndReason,
    Guid AddedByUserId, DateTime AddedAt, Guid? EndedByUserId, bool IsActive, Guid RowVersion)
{
    public static IndexEntryResponse From(IndexEntry e, DateOnly today) => new(e.Id, e.PersonId, e.Reason, e.StartDate.ToString("yyyy-MM-dd"),
        e.EndDate?.ToString("yyyy-MM-dd"), e.EndReason, e.AddedByUserId, e.AddedAt, e.EndedByUserId, e.IsActiveOn(today), e.Version);
}

/// <summary>
/// One line of the board summary. <c>flag</c>: yot, gangs, cse, cce, neet, missing-3-months.
/// <c>percent</c> is the share of the 11–17s as a number rounded as the board prints it (26, 9.6);
/// <c>percentText</c> the same with its sign ("26%", "9.6%").
/// </summary>
public sealed record IndexFlagLineResponse(string Flag, string Label, int Count, decimal Percent, string PercentText, int AlsoOpenToYot);

public sealed record IndexSummaryResponse(
    string Date,
    [property: JsonPropertyName("aged11to17")] int Aged11To17,
    [property: JsonPropertyName("aged18LeavingCare")] int Aged18LeavingCare,
    IReadOnlyList<IndexFlagLineResponse> Flags, int OpenToYotHighRisk, string RoundingRule, IReadOnlyList<string> Sentences)
{
    public static IndexSummaryResponse From(IndexSummaryReport r) => new(r.Date.ToString("yyyy-MM-dd"), r.Aged11To17, r.Aged18LeavingCare,
        r.Flags.Select(f => new IndexFlagLineResponse(f.Flag, f.Label, f.Count, Normalised(f.Percent.Value), f.Percent.ToString(), f.AlsoOpenToYot)).ToList(),
        r.OpenToYotHighRisk, BoardPercent.Rule, r.Sentences().ToList());

    /// <summary>26 rather than 26.0 (and 9.6 as is): the number without trailing zeros.</summary>
    private static decimal Normalised(decimal value) => value / 1.000000000000000000000000000000000m;
}

/// <summary>
/// A member of the cohort. <c>name</c> and <c>personId</c> are given only for young people you may
/// see (<c>named</c>); for the rest, the reference and flags only, and the reasons without a
/// practitioner's words.
/// </summary>
public sealed record CohortMemberResponse(Guid? PersonId, string Reference, string? Name, bool Named, int Age, string Since, IReadOnlyList<string> Reasons,
    bool Yot, string? YotLevel, bool Gangs, bool Cse, bool Cce, bool Neet, bool MissingPast3Months, bool LookedAfter, bool CareLeaver, string? SeamLevel);

public sealed record IndexCohortResponse(string Date, int Count, IReadOnlyList<CohortMemberResponse> Members)
{
    public static IndexCohortResponse From(Cohort cohort) => new(cohort.Date.ToString("yyyy-MM-dd"), cohort.Members.Count,
        cohort.Members.Select(m =>
        {
            var named = cohort.MayName(m);
            var reasons = named ? m.Reasons : m.Reasons.Select(r => r.Split(':')[0]).ToList();
            return new CohortMemberResponse(named ? m.PersonId : null, m.Reference, named ? m.FullName : null, named, m.Age, m.Since.ToString("yyyy-MM-dd"), reasons,
                m.Yot, m.YotLevel?.ToString(), m.Gangs, m.Cse, m.Cce, m.Neet, m.MissingPast3Months, m.LookedAfter, m.CareLeaver, m.SeamLevel?.ToString());
        }).ToList());
}
