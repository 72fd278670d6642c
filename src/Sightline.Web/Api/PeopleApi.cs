using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.People;
using Sightline.Web.Auth;

namespace Sightline.Web.Api;

/// <summary>
/// <c>/api/v1/people</c>: the same rules as the pages (need-to-know, audit) through
/// <see cref="PersonRecords"/>. Outside need-to-know is always 404, so the API never reveals
/// that a record exists.
/// </summary>
public static class PeopleApi
{
    private const string SexValues = "female, male, other, not-known";
    private const string LegalStatusValues = "none, child-in-need, child-protection-plan, looked-after-section20, looked-after-care-order, remanded-to-local-authority, care-leaver, other";

    public static void MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser())
            .WithTags("People");
        var people = api.MapGroup("/people")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager));

        people.MapGet("", FindAsync).WithName("FindPeople").Produces<PeoplePage>();
        people.MapPost("", CreateAsync).WithName("CreatePerson").Accepts<PersonRequest>("application/json")
            .Produces<PersonResponse>(201).ProducesValidationProblem();
        people.MapGet("/{id:guid}", GetAsync).WithName("GetPerson").Produces<PersonResponse>().ProducesProblem(404);
        people.MapPut("/{id:guid}", UpdateAsync).WithName("UpdatePerson").Accepts<PersonRequest>("application/json")
            .Produces<PersonResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        people.MapGet("/{id:guid}/flags", ListFlagsAsync).WithName("ListFlags").Produces<FlagResponse[]>().ProducesProblem(404);
        people.MapPost("/{id:guid}/flags", AddFlagAsync).WithName("AddFlag").Accepts<FlagRequest>("application/json")
            .Produces<FlagResponse>(201).ProducesValidationProblem().ProducesProblem(404);
        people.MapGet("/{id:guid}/audit", AuditAsync).WithName("PersonAccessHistory").Produces<AuditPage>().ProducesProblem(404)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.TeamManager, Roles.SeniorManager));
    }


    private static async Task<IResult> FindAsync(HttpContext context, PersonRecords records, string? q, string? dateOfBirth, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        DateOnly? dob = null;
        if (!string.IsNullOrWhiteSpace(dateOfBirth))
        {
            if (DateOnly.TryParseExact(dateOfBirth, "yyyy-MM-dd", out var parsed)) dob = parsed;
            else errors.Add("dateOfBirth", "dateOfBirth must be a date in the form YYYY-MM-DD");
        }
        if (q?.Length > 200) errors.Add("q", "q must be 200 characters or fewer");
        if (pageSize is < 1 or > 100) errors.Add("pageSize", "pageSize must be between 1 and 100");
        if (page is < 1) errors.Add("page", "page must be 1 or more");
        if (errors.Any) return ApiProblems.Validation(errors);
        var result = await records.FindAsync(context.Me(), new PersonQuery(q, dob, page ?? 1, pageSize ?? 20), cancellationToken);
        return Results.Ok(new PeoplePage(result.Items.Select(PersonSummaryResponse.From).ToList(), result.PageNumber, result.PageSize, result.TotalCount));
    }

    private static async Task<IResult> GetAsync(HttpContext context, PersonRecords records, Guid id, CancellationToken cancellationToken)
    {
        var record = await records.ViewAsync(context.Me(), id, cancellationToken);
        if (record is null) return ApiProblems.NotFound();
        context.Response.Headers.ETag = $"\"{record.Person.Version}\"";
        return Results.Ok(PersonResponse.From(record.Person, record.Age));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, PersonRecords records, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = ReadPerson(body);
        if (body.Errors.Any) return ApiProblems.Validation(WithRuleErrors(body, input, clock));
        var outcome = await records.CreateAsync(context.Me(), input, cancellationToken);
        if (outcome.Errors is not null) return ApiProblems.Validation(outcome.Errors);
        if (!outcome.Succeeded) return Results.Problem(statusCode: 403, title: "Your role does not allow this");
        var person = outcome.Value!;
        return Results.Created($"/api/v1/people/{person.Id}", PersonResponse.From(person, person.AgeOn(clock.LondonToday())));
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, PersonRecords records, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = ReadPerson(body);
        var version = body.Guid("version");
        var ifMatch = context.Request.Headers.IfMatch.ToString().Trim('"', ' ');
        if (version is null && Guid.TryParse(ifMatch, out var fromHeader)) version = fromHeader;
        if (version is null && !body.Errors.All.Any(e => e.Key == "version"))
            body.Errors.Add("version", "version is required: send the version you last read (or an If-Match header)");
        if (body.Errors.Any) return ApiProblems.Validation(WithRuleErrors(body, input, clock));
        var outcome = await records.UpdateAsync(context.Me(), id, input, version!.Value, cancellationToken);
        if (outcome.NotFound) return ApiProblems.NotFound();
        if (outcome.Errors is not null) return ApiProblems.Validation(outcome.Errors);
        if (outcome.Conflict) return ApiProblems.Conflict();
        context.Response.Headers.ETag = $"\"{outcome.Value!.Version}\"";
        return Results.Ok(PersonResponse.From(outcome.Value, outcome.Value.AgeOn(clock.LondonToday())));
    }

    private static async Task<IResult> ListFlagsAsync(HttpContext context, PersonRecords records, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var outcome = await records.ListFlagsAsync(context.Me(), id, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.NotFound();
        var today = clock.LondonToday();
        return Results.Ok(outcome.Value!.Select(f => FlagResponse.From(f, today)).ToList());
    }

    private static async Task<IResult> AddFlagAsync(HttpContext context, PersonRecords records, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = new FlagInput(body.String("type"), body.Date("startDate"), body.Enum<FlagLevel>("level", "Low, Medium, High"), body.Date("endDate"), body.String("notes"));
        if (!body.Has("type") && !body.Errors.All.Any(e => e.Key == "type")) body.Errors.Add("type", "type is required, e.g. \"yot\", \"gangs\", \"cse\"");
        if (!body.Has("startDate") && !body.Errors.All.Any(e => e.Key == "startDate")) body.Errors.Add("startDate", "startDate is required (YYYY-MM-DD)");
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await records.AddFlagAsync(context.Me(), id, input, cancellationToken);
        if (outcome.NotFound) return ApiProblems.NotFound();
        if (outcome.Errors is not null) return ApiProblems.Validation(outcome.Errors);
        var flag = outcome.Value!;
        return Results.Created($"/api/v1/people/{id}/flags/{flag.Id}", FlagResponse.From(flag, clock.LondonToday()));
    }

    private static async Task<IResult> AuditAsync(HttpContext context, PersonRecords records, AuditQueries audit, SightlineDb db, Guid id, int? page, CancellationToken cancellationToken)
    {
        var me = context.Me();
        var decision = await records.DecideAsync(me, id, cancellationToken);
        if (!decision.Allowed) return ApiProblems.NotFound();
        // Reading who has looked at a record is itself a look at the record.
        await db.Audit!.RecordNowAsync(AuditAction.View, "access-history", id.ToString(), id, cancellationToken: cancellationToken);
        var lines = await audit.ForPersonAsync(id, page ?? 1, cancellationToken: cancellationToken);
        return Results.Ok(new AuditPage(lines.Items.Select(AuditResponse.From).ToList(), lines.PageNumber, lines.PageSize, lines.TotalCount));
    }

    /// <summary>Adds the domain's own errors for fields that parsed, so one 400 lists every field at fault.</summary>
    private static ValidationErrors WithRuleErrors(JsonBody body, PersonInput input, TimeProvider clock)
    {
        foreach (var (field, message) in input.Validate(clock.LondonToday()).All)
            if (!body.Errors.All.Any(e => e.Key == field) && body.Has(field)) body.Errors.Add(field, message);
        return body.Errors;
    }

    private static PersonInput ReadPerson(JsonBody body) => new()
    {
        FirstName = body.String("firstName"),
        LastName = body.String("lastName"),
        PreferredName = body.String("preferredName"),
        DateOfBirth = body.Date("dateOfBirth"),
        Sex = body.Has("sex") ? body.Enum<Sex>("sex", SexValues) : Sex.NotKnown,
        Ethnicity = body.String("ethnicity"),
        Address = body.String("address"),
        Postcode = body.String("postcode"),
        LegalStatus = body.Enum<LegalStatus>("legalStatus", LegalStatusValues),
    };
}

public sealed record PersonRequest(string FirstName, string LastName, string DateOfBirth, string? Sex, string? PreferredName, string? Ethnicity, string? Address, string? Postcode, string? LegalStatus, string? Version);

public sealed record PersonResponse(Guid Id, string Reference, string FirstName, string LastName, string? PreferredName, string DateOfBirth, int Age,
    string Sex, string? Ethnicity, string? Address, string? Postcode, string LegalStatus, bool IsRestricted, Guid Version, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static PersonResponse From(Person p, int age) => new(p.Id, p.Reference, p.FirstName, p.LastName, p.PreferredName, p.DateOfBirth.ToString("yyyy-MM-dd"), age,
        p.Sex.Kebab(), p.Ethnicity, p.Address, p.Postcode, p.LegalStatus.Kebab(), p.IsRestricted, p.Version, p.CreatedAt, p.UpdatedAt);
}

public sealed record PersonSummaryResponse(Guid Id, string Reference, string FirstName, string LastName, string DateOfBirth, int Age, string Sex)
{
    public static PersonSummaryResponse From(PersonSummary p) => new(p.Id, p.Reference, p.FirstName, p.LastName, p.DateOfBirth.ToString("yyyy-MM-dd"), p.Age, p.Sex.Kebab());
}

public sealed record PeoplePage(IReadOnlyList<PersonSummaryResponse> Items, int Page, int PageSize, int TotalCount);

public sealed record FlagRequest(string Type, string StartDate, string? Level, string? EndDate, string? Notes);

public sealed record FlagResponse(Guid Id, string Type, string TypeName, string? Level, string StartDate, string? EndDate, bool IsCurrent, string? Notes, Guid SetBy, DateTime SetAt)
{
    public static FlagResponse From(PersonFlag f, DateOnly today) => new(f.Id, f.FlagType?.Key ?? "", f.FlagType?.Name ?? "", f.Level?.ToString(),
        f.StartDate.ToString("yyyy-MM-dd"), f.EndDate?.ToString("yyyy-MM-dd"), f.IsCurrentOn(today), f.Notes, f.SetByUserId, f.SetAt);
}

public sealed record AuditResponse(long Sequence, DateTime OccurredAt, Guid? UserId, string? UserEmail, string? UserName, string Action, string EntityType, string? EntityId, string? Details, string? IpAddress)
{
    public static AuditResponse From(AuditLine l) => new(l.Sequence, l.OccurredAt, l.UserId, l.UserEmail, l.UserName, l.Action.ToString(), l.EntityType, l.EntityId, l.Details, l.IpAddress);
}

public sealed record AuditPage(IReadOnlyList<AuditResponse> Items, int Page, int PageSize, int TotalCount);
