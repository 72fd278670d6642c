using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Core.Panels;
using Sightline.Core.People;
using Sightline.Web.Auth;

namespace Sightline.Web.Api;

/// <summary>
/// Panels, their meetings and agendas, and the actions they agree, under <c>/api/v1</c>
/// (issue 7). Administrators set panels up; the chair arranges meetings and decides referrals; the
/// chair and named members see a meeting and add actions. The rules live in
/// <see cref="PanelRecords"/>, <see cref="MeetingRecords"/> and <see cref="PanelActionRecords"/>;
/// a meeting the user is not on is 404, a refusal 403, field errors 400, a duplicate panel name 409.
/// </summary>
public static class PanelsApi
{
    private const string LevelValues = "Low, Medium, High, VeryHigh";
    private const string DecisionValues = "remain-open, step-down, escalate, close";
    private const string AttendanceValues = "present, apologies, absent";
    private const string NoteKindValues = "theme, service-gap, recommendation";
    private const string FilterValues = "open, overdue, done, all";

    public static void MapPanelsApi(this IEndpointRouteBuilder app)
    {
        var records = new[] { Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager };
        var api = app.MapGroup("/api/v1").WithTags("Panels");
        var forRecords = api.MapGroup("").RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(records));

        api.MapPost("/panels", CreatePanelAsync).WithName("CreatePanel")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.Administrator))
            .WithSummary("Set up a panel (administrators): it takes up the open referrals of its type")
            .Accepts<PanelRequest>("application/json").Produces<PanelResponse>(201).ProducesValidationProblem().ProducesProblem(409);
        api.MapGet("/panels", ListPanelsAsync).WithName("ListPanels")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole([.. records, Roles.Administrator]))
            .Produces<PanelResponse[]>();

        forRecords.MapPost("/panels/{id:guid}/meetings", CreateMeetingAsync).WithName("CreateMeeting")
            .WithSummary("Arrange a meeting (the chair): 201 with its agenda built from referrals, reviews due and the young people the panel holds")
            .Accepts<MeetingRequest>("application/json").Produces<MeetingResponse>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        forRecords.MapPost("/panels/{id:guid}/referrals", ReferAsync).WithName("ReferToPanel")
            .WithSummary("Refer a young person you are involved with to the panel, with a reason")
            .Accepts<ReferralRequest>("application/json").Produces<PanelReferralResponse>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        forRecords.MapPost("/panels/{id:guid}/referrals/{referralId:guid}/accept", (HttpContext c, PanelRecords p, Guid id, Guid referralId, CancellationToken ct) => DecideAsync(c, p, id, referralId, true, ct))
            .WithName("AcceptPanelReferral").Accepts<ReasonRequest>("application/json").Produces<PanelReferralResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        forRecords.MapPost("/panels/{id:guid}/referrals/{referralId:guid}/decline", (HttpContext c, PanelRecords p, Guid id, Guid referralId, CancellationToken ct) => DecideAsync(c, p, id, referralId, false, ct))
            .WithName("DeclinePanelReferral").Accepts<ReasonRequest>("application/json").Produces<PanelReferralResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        forRecords.MapGet("/meetings/{meetingId:guid}", GetMeetingAsync).WithName("GetMeeting").Produces<MeetingResponse>().ProducesProblem(404);
        forRecords.MapPost("/meetings/{id:guid}/issue", IssueAsync).WithName("IssueAgenda")
            .WithSummary("Issue the agenda (the chair): the panel's members gain need-to-know of the young people on it")
            .Produces<MeetingResponse>().ProducesProblem(403).ProducesProblem(404);
        forRecords.MapPost("/meetings/{id:guid}/attendance", AttendanceAsync).WithName("RecordAttendance")
            .Accepts<AttendanceRequest>("application/json").Produces<MeetingResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        forRecords.MapPost("/meetings/{id:guid}/agenda/{itemId:guid}", RecordItemAsync).WithName("RecordAgendaItem")
            .WithSummary("Record an item's minutes, current risk level and decision (the chair)")
            .Accepts<ItemRequest>("application/json").Produces<AgendaItemResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        forRecords.MapPost("/meetings/{id:guid}/notes", AddNoteAsync).WithName("AddStrategicNote")
            .WithSummary("Record a theme, service gap or recommendation (strategic MACE)")
            .Accepts<NoteRequest>("application/json").Produces<NoteResponse>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        forRecords.MapPost("/meetings/{id:guid}/actions", AddActionAsync).WithName("AddMeetingAction")
            .Accepts<PanelActionRequest>("application/json").Produces<PanelActionResponse>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        forRecords.MapGet("/actions", ListActionsAsync).WithName("ListPanelActions")
            .WithSummary("Panel actions you may see (your panels', yours, your agency's): status=open (default), overdue, done or all")
            .Produces<PanelActionResponse[]>().ProducesValidationProblem();
    }

    private static IResult Failure<T>(Outcome<T> outcome) => ApiProblems.From(outcome);

    // ---- Panels ----

    private static async Task<IResult> CreatePanelAsync(HttpContext context, PanelRecords panels, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var memberEmails = StringList(body, "memberEmails");
        var memberAgencies = StringList(body, "memberAgencies");
        var schedule = body.Enum<PanelSchedule>("schedule", "weekly, fortnightly, monthly, ad-hoc");
        var input = new PanelInput(body.String("type"), body.String("name"), body.String("chairEmail"), memberEmails, memberAgencies, schedule);
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await panels.CreateAsync(context.Me(), input, cancellationToken);
        if (outcome.Conflict) return Results.Problem(statusCode: 409, title: "A panel with this name already exists");
        if (!outcome.Succeeded) return Failure(outcome);
        var panel = (await panels.FindAsync(outcome.Value!.Id, cancellationToken))!;
        return Results.Created($"/api/v1/panels/{panel.Id}", PanelResponse.From(panel));
    }

    private static List<string>? StringList(JsonBody body, string name)
    {
        if (!body.TryGet(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            body.Errors.Add(name, $"{name} must be an array of strings");
            return null;
        }
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private static async Task<IResult> ListPanelsAsync(PanelRecords panels, CancellationToken cancellationToken) =>
        Results.Ok((await panels.ListAsync(cancellationToken)).Select(PanelResponse.From).ToList());

    private static async Task<IResult> ReferAsync(HttpContext context, PanelRecords panels, Guid id, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var personId = body.Guid("personId");
        var reason = body.String("reason");
        var level = body.Enum<RiskLevel>("riskLevel", LevelValues);
        if (personId is null && !body.Errors.All.Any(e => e.Key == "personId")) body.Errors.Add("personId", "personId is required");
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await panels.ReferAsync(context.Me(), id, personId!.Value, reason, level, cancellationToken);
        if (!outcome.Succeeded) return Failure(outcome);
        return Results.Created($"/api/v1/panels/{id}/referrals/{outcome.Value!.Id}", PanelReferralResponse.From(outcome.Value));
    }

    private static async Task<IResult> DecideAsync(HttpContext context, PanelRecords panels, Guid id, Guid referralId, bool accept, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var reason = body.String("reason");
        var version = body.Guid("rowVersion");
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await panels.DecideReferralAsync(context.Me(), id, referralId, accept, reason, version, cancellationToken);
        if (!outcome.Succeeded) return Failure(outcome);
        return Results.Ok(PanelReferralResponse.From(outcome.Value!));
    }

    // ---- Meetings ----

    private static async Task<IResult> CreateMeetingAsync(HttpContext context, MeetingRecords meetings, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var date = body.Date("date");
        if (date is null && !body.Errors.All.Any(e => e.Key == "date")) body.Errors.Add("date", "date is required, in the form YYYY-MM-DD");
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var me = context.Me();
        var outcome = await meetings.CreateAsync(me, id, date, cancellationToken);
        if (!outcome.Succeeded) return Failure(outcome);
        var view = (await meetings.ViewAsync(me, outcome.Value!.Id, cancellationToken))!;
        return Results.Created($"/api/v1/meetings/{view.Meeting.Id}", MeetingResponse.From(view, clock.LondonToday()));
    }

    private static async Task<IResult> GetMeetingAsync(HttpContext context, MeetingRecords meetings, TimeProvider clock, Guid meetingId, CancellationToken cancellationToken)
    {
        var view = await meetings.ViewAsync(context.Me(), meetingId, cancellationToken);
        return view is null ? ApiProblems.NotFound() : Results.Ok(MeetingResponse.From(view, clock.LondonToday()));
    }

    private static async Task<IResult> ViewAfterAsync<T>(HttpContext context, MeetingRecords meetings, TimeProvider clock, Guid meetingId, Outcome<T> outcome, CancellationToken cancellationToken)
    {
        if (!outcome.Succeeded) return Failure(outcome);
        var view = (await meetings.ViewAsync(context.Me(), meetingId, cancellationToken))!;
        return Results.Ok(MeetingResponse.From(view, clock.LondonToday()));
    }

    private static async Task<IResult> IssueAsync(HttpContext context, MeetingRecords meetings, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        await ViewAfterAsync(context, meetings, clock, id, await meetings.IssueAsync(context.Me(), id, cancellationToken), cancellationToken);

    private static async Task<IResult> AttendanceAsync(HttpContext context, MeetingRecords meetings, Sightline.Core.Data.SightlineDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var attendance = new Dictionary<Guid, AttendanceStatus>();
        if (!body.TryGet("attendance", out var rows) || rows.ValueKind != JsonValueKind.Array)
            body.Errors.Add("attendance", "attendance is required: an array of {\"agency\", \"status\"}");
        else
        {
            var names = await db.Agencies.ToDictionaryAsync(a => a.Name, a => a.Id, cancellationToken);
            var index = 0;
            foreach (var row in rows.EnumerateArray())
            {
                var agency = row.ValueKind == JsonValueKind.Object && row.TryGetProperty("agency", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                var statusText = row.ValueKind == JsonValueKind.Object && row.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                if (agency is null || !names.TryGetValue(agency, out var agencyId)) body.Errors.Add($"attendance[{index}].agency", "Give the name of an agency");
                else if (!PersonLabels.TryParseEnum<AttendanceStatus>(statusText, out var status)) body.Errors.Add($"attendance[{index}].status", $"status must be one of: {AttendanceValues}");
                else attendance[agencyId] = status;
                index++;
            }
        }
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        return await ViewAfterAsync(context, meetings, clock, id, await meetings.RecordAttendanceAsync(context.Me(), id, attendance, cancellationToken), cancellationToken);
    }

    private static async Task<IResult> RecordItemAsync(HttpContext context, MeetingRecords meetings, Guid id, Guid itemId, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = new ItemOutcomeInput(body.String("minutes"), body.Enum<RiskLevel>("riskLevel", LevelValues), body.Enum<PanelDecision>("decision", DecisionValues));
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await meetings.RecordItemAsync(context.Me(), id, itemId, input, cancellationToken);
        if (!outcome.Succeeded) return Failure(outcome);
        return Results.Ok(AgendaItemResponse.From(new AgendaLine(outcome.Value!, null, null)));
    }

    private static async Task<IResult> AddNoteAsync(HttpContext context, MeetingRecords meetings, Guid id, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var kind = body.Enum<StrategicNoteKind>("kind", NoteKindValues);
        var text = body.String("text");
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await meetings.AddNoteAsync(context.Me(), id, kind, text, cancellationToken);
        if (!outcome.Succeeded) return Failure(outcome);
        return Results.Created($"/api/v1/meetings/{id}", NoteResponse.From(outcome.Value!));
    }

    // ---- Actions ----

    private static async Task<IResult> AddActionAsync(HttpContext context, PanelActionRecords actions, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = new PanelActionInput(body.String("title"), null, body.String("ownerUserEmail"), null, body.String("ownerAgency"), body.Date("dueDate"), body.Guid("agendaItemId"));
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var me = context.Me();
        var outcome = await actions.AddAsync(me, id, input, cancellationToken);
        if (!outcome.Succeeded) return Failure(outcome);
        var tracked = (await actions.FindAsync(me, outcome.Value!.Id, cancellationToken))!;
        return Results.Created($"/api/v1/actions?status=all", PanelActionResponse.From(tracked, clock.LondonToday()));
    }

    private static async Task<IResult> ListActionsAsync(HttpContext context, PanelActionRecords actions, TimeProvider clock, string? status, CancellationToken cancellationToken)
    {
        ActionFilter filter = ActionFilter.Open;
        if (status is not null && !PersonLabels.TryParseEnum(status, out filter))
            return ApiProblems.Validation(new ValidationErrors().Add("status", $"status must be one of: {FilterValues}"));
        var today = clock.LondonToday();
        return Results.Ok((await actions.TrackAsync(context.Me(), filter, null, cancellationToken)).Select(a => PanelActionResponse.From(a, today)).ToList());
    }

    /// <summary>Progress of a panel action, reached through <c>POST /api/v1/actions/{id}/progress</c> (shared with plan actions).</summary>
    public static async Task<IResult> ProgressAsync(HttpContext context, PanelActionRecords actions, TimeProvider clock, Guid actionId, ActionProgress input, Guid rowVersion, CancellationToken cancellationToken)
    {
        var me = context.Me();
        var outcome = await actions.ProgressAsync(me, actionId, input, rowVersion, cancellationToken);
        if (!outcome.Succeeded) return Failure(outcome);
        var tracked = (await actions.FindAsync(me, actionId, cancellationToken))!;
        context.Response.Headers.ETag = $"\"{tracked.Action.Version}\"";
        return Results.Ok(PanelActionResponse.From(tracked, clock.LondonToday()));
    }
}

public sealed record PanelRequest(string Type, string Name, string ChairEmail, string[]? MemberEmails, string[]? MemberAgencies, string? Schedule);
public sealed record MeetingRequest(string Date);
public sealed record ReferralRequest(Guid PersonId, string Reason, string? RiskLevel);
public sealed record ReasonRequest(string Reason, Guid? RowVersion);
public sealed record AttendanceRow(string Agency, string Status);
public sealed record AttendanceRequest(AttendanceRow[] Attendance);
public sealed record ItemRequest(string Minutes, string? RiskLevel, string Decision);
public sealed record NoteRequest(string Kind, string Text);
public sealed record PanelActionRequest(string Title, string? OwnerAgency, string? OwnerUserEmail, string DueDate, Guid? AgendaItemId);

public sealed record UserLine(Guid Id, string Name, string? Email, string? Agency)
{
    public static UserLine? From(SightlineUser? user) => user is null ? null : new(user.Id, user.DisplayName, user.Email, user.Agency?.Name);
}

public sealed record PanelResponse(Guid Id, string Type, string TypeName, string Name, string Schedule, bool Active, UserLine? Chair, List<UserLine> Members, List<string> MemberAgencies)
{
    public static PanelResponse From(Panel panel) => new(panel.Id, panel.Type, panel.TypeName, panel.Name, panel.Schedule.Kebab(), panel.IsActive,
        UserLine.From(panel.ChairUser), panel.Members.Select(m => UserLine.From(m.User)!).Where(u => u is not null).OrderBy(u => u.Name).ToList(),
        panel.Agencies.Select(a => a.Agency?.Name ?? "").OrderBy(n => n).ToList());
}

public sealed record PanelReferralResponse(Guid Id, Guid PersonId, string PanelType, Guid? PanelId, string? RiskLevel, string Reason, string Status, DateTime CreatedAt, DateTime? DecidedAt, string? DecisionReason, Guid RowVersion)
{
    public static PanelReferralResponse From(PanelReferral r) => new(r.Id, r.PersonId, r.PanelType, r.PanelId, r.RiskLevel?.ToString(), r.Reason, r.Status.Kebab(),
        r.CreatedAt, r.DecidedAt, r.DecisionReason, r.Version);
}

public sealed record AgendaItemResponse(Guid Id, string Kind, Guid? PersonId, string? PersonReference, Guid? SubjectId, Guid? ReferralId, int Order, bool AddedByChair,
    bool Removed, DateTime? IssuedAt, DateTime? ClosedAt, string? RiskLevel, string? Decision, string? Minutes)
{
    public static AgendaItemResponse From(AgendaLine line)
    {
        var i = line.Item;
        return new(i.Id, i.Kind.Kebab(), i.PersonId, line.PersonReference, i.SubjectId, i.ReferralId, i.Order, i.AddedByChair, i.RemovedAt is not null,
            i.IssuedAt, i.ClosedAt, i.RiskLevel?.ToString(), i.Decision?.Kebab(), i.Minutes);
    }
}

public sealed record AttendanceResponse(string Agency, string Status);
public sealed record NoteResponse(Guid Id, string Kind, string Text, DateTime CreatedAt)
{
    public static NoteResponse From(StrategicNote n) => new(n.Id, n.Kind.Kebab(), n.Text, n.CreatedAt);
}

/// <summary>A meeting: agenda items in order (removed ones after, flagged), attendance by agency, findings and actions.</summary>
public sealed record MeetingResponse(Guid Id, Guid PanelId, string PanelName, string Date, string Status, DateTime? AgendaIssuedAt,
    List<AgendaItemResponse> Agenda, List<AttendanceResponse> Attendance, List<NoteResponse> Notes, List<PanelActionResponse> Actions)
{
    public static MeetingResponse From(MeetingView view, DateOnly today)
    {
        var m = view.Meeting;
        return new(m.Id, view.Panel.Id, view.Panel.Name, m.Date.ToString("yyyy-MM-dd"), m.Status.Kebab(), m.AgendaIssuedAt,
            view.Agenda.Select(AgendaItemResponse.From).ToList(),
            m.Attendance.Select(a => new AttendanceResponse(a.Agency?.Name ?? "", a.Status.Kebab())).OrderBy(a => a.Agency).ToList(),
            m.Notes.OrderBy(n => n.CreatedAt).Select(NoteResponse.From).ToList(),
            view.Actions.Select(a => PanelActionResponse.From(new TrackedPanelAction(a, view.Panel.Id, view.Panel.Name, m.Date), today)).ToList());
    }
}

public sealed record PanelActionResponse(Guid Id, string Title, Guid PanelId, string PanelName, Guid MeetingId, string MeetingDate, Guid? AgendaItemId, Guid? PersonId,
    UserLine? OwnerUser, string? OwnerAgency, string Owner, string DueDate, string Status, bool Overdue, string? CompletionNote, DateTime? CompletedAt, Guid RowVersion)
{
    public static PanelActionResponse From(TrackedPanelAction tracked, DateOnly today)
    {
        var a = tracked.Action;
        return new(a.Id, a.Title, tracked.PanelId, tracked.PanelName, a.MeetingId, tracked.MeetingDate.ToString("yyyy-MM-dd"), a.AgendaItemId, a.PersonId,
            UserLine.From(a.OwnerUser), a.OwnerAgency?.Name, a.OwnerName, a.DueOn.ToString("yyyy-MM-dd"), a.Status.Kebab(), a.IsOverdueOn(today),
            a.CompletionNote, a.CompletedAt, a.Version);
    }
}
