using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Panels;
using Sightline.Web.Auth;

namespace Sightline.Web.Api;

/// <summary>
/// SAFEGUARD screens, SEAM assessments (lifecycle, routing, action plans) and panel referrals
/// under <c>/api/v1</c>, for the roles that work with records. The rules live in the Core
/// (<see cref="SeamRecords"/>, <see cref="ScreenRecords"/>, <see cref="ActionPlans"/>,
/// <see cref="Referrals"/>); this maps JSON to them and their outcomes to HTTP: outside
/// need-to-know is 404, a refusal is 403 with the reason as its title, field errors are 400
/// keyed as the Core keys them (<c>scores.sexual-health.evidence</c>), a stale row version is 409.
/// In an assessment, <c>version</c> is the form's version ("2020", "2017") and
/// <c>rowVersion</c> the concurrency token (also sent as the ETag).
/// </summary>
public static class AssessmentsApi
{
    private const string LevelValues = "Low, Medium, High, VeryHigh";
    private const string ActionStatusValues = "NotStarted, InProgress, Done, Cancelled";
    private const string ReferralStatusValues = "Open, Accepted, Declined, Superseded";

    public static void MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager));

        var person = api.MapGroup("/people/{id:guid}").WithTags("Assessments");
        person.MapPost("/safeguard-screens", RecordScreenAsync).WithName("RecordSafeguardScreen").Accepts<ScreenRequest>("application/json")
            .Produces<ScreenResponse>(201).ProducesValidationProblem().ProducesProblem(404);
        person.MapGet("/safeguard-screens", ListScreensAsync).WithName("ListSafeguardScreens").Produces<ScreenResponse[]>().ProducesProblem(404);
        person.MapPost("/seam-assessments", CreateSeamAsync).WithName("CreateSeamAssessment").Accepts<SeamRequest>("application/json")
            .Produces<SeamResponse>(201).ProducesValidationProblem().ProducesProblem(404);
        person.MapGet("/seam-assessments", ListSeamsAsync).WithName("ListSeamAssessments").Produces<SeamResponse[]>().ProducesProblem(404);

        api.MapGet("/safeguard-screens/{screenId:guid}", GetScreenAsync).WithTags("Assessments").WithName("GetSafeguardScreen")
            .Produces<ScreenResponse>().ProducesProblem(404);

        var seam = api.MapGroup("/seam-assessments/{seamId:guid}").WithTags("Assessments");
        seam.MapGet("", GetSeamAsync).WithName("GetSeamAssessment").Produces<SeamResponse>().ProducesProblem(404);
        seam.MapPut("", UpdateSeamAsync).WithName("UpdateSeamAssessment").Accepts<SeamRequest>("application/json")
            .Produces<SeamResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        seam.MapPost("/submit", SubmitSeamAsync).WithName("SubmitSeamAssessment").Produces<SeamResponse>().ProducesProblem(403).ProducesProblem(404);
        seam.MapPost("/approve", ApproveSeamAsync).WithName("ApproveSeamAssessment").Accepts<ApprovalRequest>("application/json")
            .Produces<SeamResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        seam.MapPost("/return", ReturnSeamAsync).WithName("ReturnSeamAssessment").Accepts<ReturnRequest>("application/json")
            .Produces<SeamResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        seam.MapGet("/actions", ListActionsAsync).WithName("ListSeamActions").Produces<ActionResponse[]>().ProducesProblem(404);
        seam.MapPost("/actions", AddActionAsync).WithName("AddSeamAction").Accepts<ActionRequest>("application/json")
            .Produces<ActionResponse>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        api.MapPost("/actions/{actionId:guid}/progress", ProgressActionAsync).WithTags("Assessments").WithName("ProgressAction")
            .Accepts<ActionProgressRequest>("application/json")
            .Produces<ActionResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/panel-referrals", ListReferralsAsync).WithTags("Panel referrals").WithName("ListPanelReferrals")
            .Produces<ReferralResponse[]>().ProducesValidationProblem().ProducesProblem(404);
    }



    // ---- SAFEGUARD screens ----

    private static async Task<IResult> RecordScreenAsync(HttpContext context, ScreenRecords screens, NeedToKnow needToKnow, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var me = context.Me();
        if (!(await needToKnow.DecideAsync(me, id, cancellationToken)).Allowed) return ApiProblems.NotFound();
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = ReadScreen(body);
        if (body.Errors.Any) return ApiProblems.Validation(Merge(body.Errors, input.Validate(clock.LondonToday())));
        var outcome = await screens.RecordAsync(me, id, input, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        var screen = outcome.Value!;
        return Results.Created($"/api/v1/safeguard-screens/{screen.Id}", ScreenResponse.From(screen, me.DisplayName));
    }

    private static async Task<IResult> ListScreensAsync(HttpContext context, ScreenRecords screens, Guid id, CancellationToken cancellationToken)
    {
        var outcome = await screens.ListAsync(context.Me(), id, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        return Results.Ok(outcome.Value!.Select(s => ScreenResponse.From(s)).ToList());
    }

    private static async Task<IResult> GetScreenAsync(HttpContext context, ScreenRecords screens, Guid screenId, CancellationToken cancellationToken)
    {
        var screen = await screens.GetAsync(context.Me(), screenId, cancellationToken);
        return screen is null ? ApiProblems.NotFound() : Results.Ok(ScreenResponse.From(screen));
    }

    private static ScreenInput ReadScreen(JsonBody body)
    {
        var areas = new Dictionary<string, ScreenAreaInput>(StringComparer.Ordinal);
        if (body.TryGet("areas", out var given))
        {
            if (given.ValueKind != JsonValueKind.Object)
                body.Errors.Add("areas", "areas must be an object keyed by SAFEGUARD area, e.g. {\"sexual-health\":{\"concern\":true,\"seen\":\"…\"}}");
            else
            {
                foreach (var property in given.EnumerateObject())
                {
                    // Areas are keyed by their SAFEGUARD key; common spellings of an area resolve to it.
                    var key = SafeguardAreas.Resolve(property.Name) ?? property.Name;
                    var field = $"areas.{Short(key)}";
                    if (areas.ContainsKey(key))
                    {
                        body.Errors.Add(field, $"{field} is given more than once");
                        continue;
                    }
                    var value = property.Value;
                    switch (value.ValueKind)
                    {
                        case JsonValueKind.True or JsonValueKind.False:
                            areas[key] = new ScreenAreaInput(value.GetBoolean(), null);
                            break;
                        case JsonValueKind.Object:
                            bool? concern = null;
                            if (value.TryGetProperty("concern", out var c) && c.ValueKind != JsonValueKind.Null)
                            {
                                if (c.ValueKind is JsonValueKind.True or JsonValueKind.False) concern = c.GetBoolean();
                                else body.Errors.Add($"{field}.concern", $"{field}.concern must be true or false");
                            }
                            areas[key] = new ScreenAreaInput(concern, NestedString(body, value, "seen", $"{field}.seen"));
                            break;
                        default:
                            body.Errors.Add(field, $"{field} must be true, false or an object {{\"concern\":true,\"seen\":\"…\"}}");
                            areas[key] = new ScreenAreaInput(null, null);
                            break;
                    }
                }
            }
        }

        var hold = body.Bool("holdStrategyMeeting");
        var decision = body.String("decision");
        if (decision is not null)
        {
            bool? decided = decision.Trim().ToLowerInvariant() switch
            {
                "strategy-meeting" => true,
                "no-strategy-meeting" => false,
                _ => null,
            };
            if (decided is null) body.Errors.Add("decision", "decision must be \"strategy-meeting\" or \"no-strategy-meeting\"");
            else if (hold is not null && hold != decided) body.Errors.Add("decision", "decision and holdStrategyMeeting disagree: send one of them");
            else hold = decided;
        }
        return new ScreenInput(body.Date("screenedOn"), areas, hold, body.String("reason"));
    }

    // ---- SEAM assessments ----

    private static async Task<IResult> CreateSeamAsync(HttpContext context, SeamRecords seams, NeedToKnow needToKnow, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var me = context.Me();
        if (!(await needToKnow.DecideAsync(me, id, cancellationToken)).Allowed) return ApiProblems.NotFound();
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = ReadSeam(body, FormVersionOf(body));
        if (body.Errors.Any) return ApiProblems.Validation(Merge(body.Errors, input.Validate(clock.LondonToday())));
        var outcome = await seams.CreateAsync(me, id, input, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        var assessment = outcome.Value!;
        context.Response.Headers.ETag = ETag(assessment.Version);
        return Results.Created($"/api/v1/seam-assessments/{assessment.Id}", SeamResponse.From(assessment, null));
    }

    private static async Task<IResult> ListSeamsAsync(HttpContext context, SeamRecords seams, SightlineDb db, Guid id, CancellationToken cancellationToken)
    {
        var outcome = await seams.ForPersonAsync(context.Me(), id, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        var referrals = await db.PanelReferrals.AsNoTracking().Where(r => r.PersonId == id && r.SeamAssessmentId != null)
            .Select(r => new { r.Id, SeamId = r.SeamAssessmentId!.Value, r.CreatedAt }).ToListAsync(cancellationToken);
        return Results.Ok(outcome.Value!.Select(s => SeamResponse.From(s,
            referrals.Where(r => r.SeamId == s.Id).OrderByDescending(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefault())).ToList());
    }

    private static async Task<IResult> GetSeamAsync(HttpContext context, SeamRecords seams, Guid seamId, CancellationToken cancellationToken)
    {
        var view = await seams.ViewAsync(context.Me(), seamId, cancellationToken);
        if (view is null) return ApiProblems.NotFound();
        context.Response.Headers.ETag = ETag(view.Assessment.Version);
        return Results.Ok(SeamResponse.From(view.Assessment, view.Referral?.Id));
    }

    private static async Task<IResult> UpdateSeamAsync(HttpContext context, SeamRecords seams, NeedToKnow needToKnow, SightlineDb db, TimeProvider clock, Guid seamId, CancellationToken cancellationToken)
    {
        var me = context.Me();
        var existing = await db.SeamAssessments.AsNoTracking().Where(s => s.Id == seamId)
            .Select(s => new { s.PersonId, s.FormVersion }).FirstOrDefaultAsync(cancellationToken);
        if (existing is null || !(await needToKnow.DecideAsync(me, existing.PersonId, cancellationToken)).Allowed) return ApiProblems.NotFound();
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;

        // "version" names the form; a GUID there is taken as the row version, as PUT /api/v1/people reads it.
        Guid? rowVersion = body.Guid("rowVersion");
        var formVersion = FormVersionOf(body);
        if (formVersion is not null && Guid.TryParse(formVersion, out var versionGuid))
        {
            rowVersion ??= versionGuid;
            formVersion = null;
        }
        if (formVersion is not null && formVersion.Trim() != existing.FormVersion)
            body.Errors.Add("version", $"An assessment keeps its form version ({existing.FormVersion}): start a new assessment to use another form");
        var ifMatch = context.Request.Headers.IfMatch.ToString().Trim().TrimStart('W', '/').Trim('"', ' ');
        if (rowVersion is null && Guid.TryParse(ifMatch, out var fromHeader)) rowVersion = fromHeader;
        if (rowVersion is null && !body.Errors.All.Any(e => e.Key == "rowVersion"))
            body.Errors.Add("rowVersion", "rowVersion is required: send the rowVersion you last read (or an If-Match header with the ETag)");

        var input = ReadSeam(body, existing.FormVersion);
        if (body.Errors.Any) return ApiProblems.Validation(Merge(body.Errors, input.Validate(clock.LondonToday())));
        var outcome = await seams.UpdateAsync(me, seamId, input, rowVersion!.Value, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        context.Response.Headers.ETag = ETag(outcome.Value!.Version);
        return Results.Ok(SeamResponse.From(outcome.Value, null));
    }

    private static async Task<IResult> SubmitSeamAsync(HttpContext context, SeamRecords seams, SightlineDb db, Guid seamId, CancellationToken cancellationToken)
    {
        var outcome = await seams.SubmitAsync(context.Me(), seamId, cancellationToken);
        return await DecidedAsync(context, db, outcome, cancellationToken);
    }

    private static async Task<IResult> ApproveSeamAsync(HttpContext context, SeamRecords seams, SightlineDb db, Guid seamId, CancellationToken cancellationToken)
    {
        var input = new ApprovalInput();
        if (HasBody(context.Request))
        {
            var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
            if (body is null) return problem!;
            RiskLevel? level = null;
            var text = body.String("judgementLevel");
            if (text is not null)
            {
                if (SeamRules.TryParseLevel(text, out var parsed)) level = parsed;
                else body.Errors.Add("judgementLevel", $"judgementLevel must be one of: {LevelValues}");
            }
            var reason = body.String("judgementReason");
            if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
            input = new ApprovalInput(level, reason);
        }
        var outcome = await seams.ApproveAsync(context.Me(), seamId, input, cancellationToken);
        return await DecidedAsync(context, db, outcome, cancellationToken);
    }

    private static async Task<IResult> ReturnSeamAsync(HttpContext context, SeamRecords seams, SightlineDb db, Guid seamId, CancellationToken cancellationToken)
    {
        string? comments = null;
        if (HasBody(context.Request))
        {
            var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
            if (body is null) return problem!;
            comments = body.String("comments");
            if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        }
        var outcome = await seams.ReturnAsync(context.Me(), seamId, comments, cancellationToken);
        return await DecidedAsync(context, db, outcome, cancellationToken);
    }

    /// <summary>The assessment after a step of its lifecycle, with the referral its approval made, if any.</summary>
    private static async Task<IResult> DecidedAsync(HttpContext context, SightlineDb db, Outcome<SeamAssessment> outcome, CancellationToken cancellationToken)
    {
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        var assessment = outcome.Value!;
        var referralId = await db.PanelReferrals.AsNoTracking().Where(r => r.SeamAssessmentId == assessment.Id)
            .OrderByDescending(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        context.Response.Headers.ETag = ETag(assessment.Version);
        return Results.Ok(SeamResponse.From(assessment, referralId));
    }

    /// <summary>The form version as sent: a string, or a number such as 2020 read as its digits.</summary>
    private static string? FormVersionOf(JsonBody body)
    {
        if (body.TryGet("version", out var value) && value.ValueKind == JsonValueKind.Number) return value.GetRawText();
        return body.String("version");
    }

    private static SeamInput ReadSeam(JsonBody body, string? version)
    {
        var scores = new Dictionary<string, SeamScoreInput>(StringComparer.Ordinal);
        if (body.TryGet("scores", out var given))
        {
            if (given.ValueKind != JsonValueKind.Object)
                body.Errors.Add("scores", "scores must be an object keyed by domain, e.g. {\"sexual-health\":{\"score\":3,\"evidence\":\"…\"}}");
            else
            {
                foreach (var property in given.EnumerateObject())
                {
                    var field = $"scores.{Short(property.Name)}";
                    if (scores.ContainsKey(property.Name))
                    {
                        body.Errors.Add(field, $"{field} is given more than once");
                        continue;
                    }
                    var value = property.Value;
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        body.Errors.Add(field, $"{field} must be an object {{\"score\":0–{SeamForm.MaxDomainScore},\"evidence\":\"…\"}}");
                        scores[property.Name] = new SeamScoreInput(null, null);
                        continue;
                    }
                    int? score = null;
                    if (value.TryGetProperty("score", out var s) && s.ValueKind != JsonValueKind.Null)
                    {
                        if (s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var number)) score = number;
                        else body.Errors.Add($"{field}.score", $"{field}.score must be a whole number from 0 to {SeamForm.MaxDomainScore}");
                    }
                    scores[property.Name] = new SeamScoreInput(score, NestedString(body, value, "evidence", $"{field}.evidence"));
                }
            }
        }
        RiskLevel? perception = null;
        var perceptionText = body.String("youngPersonPerception");
        if (perceptionText is not null)
        {
            if (SeamRules.TryParseLevel(perceptionText, out var level)) perception = level;
            else body.Errors.Add("youngPersonPerception", $"youngPersonPerception must be one of: {LevelValues}");
        }
        return new SeamInput(version, scores, perception, body.String("youngPersonView"), body.Date("assessedOn"), body.Guid("safeguardScreenId"));
    }

    // ---- Action plans ----

    private static async Task<IResult> ListActionsAsync(HttpContext context, ActionPlans plans, NeedToKnow needToKnow, SightlineDb db, TimeProvider clock, Guid seamId, CancellationToken cancellationToken)
    {
        var personId = await db.SeamAssessments.AsNoTracking().Where(s => s.Id == seamId).Select(s => (Guid?)s.PersonId).FirstOrDefaultAsync(cancellationToken);
        if (personId is null || !(await needToKnow.DecideAsync(context.Me(), personId.Value, cancellationToken)).Allowed) return ApiProblems.NotFound();
        var items = await plans.ForSeamAsync(seamId, cancellationToken);
        await db.Audit!.RecordNowAsync(AuditAction.View, "action-plan", seamId.ToString(), personId, new { list = "actions", count = items.Count }, cancellationToken);
        var today = clock.LondonToday();
        return Results.Ok(items.Select(a => ActionResponse.From(a, today)).ToList());
    }

    private static async Task<IResult> AddActionAsync(HttpContext context, ActionPlans plans, NeedToKnow needToKnow, SightlineDb db, TimeProvider clock, Guid seamId, CancellationToken cancellationToken)
    {
        var me = context.Me();
        var personId = await db.SeamAssessments.AsNoTracking().Where(s => s.Id == seamId).Select(s => (Guid?)s.PersonId).FirstOrDefaultAsync(cancellationToken);
        if (personId is null || !(await needToKnow.DecideAsync(me, personId.Value, cancellationToken)).Allowed) return ApiProblems.NotFound();
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = new ActionInput(body.String("domainKey"), body.String("areaOfNeed"), body.String("desiredOutcome"), body.String("action"),
            body.Guid("ownerUserId"), body.Guid("ownerAgencyId"), body.Date("dueOn"));
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await plans.AddToSeamAsync(me, seamId, input, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        var item = await LoadActionAsync(db, outcome.Value!.Id, cancellationToken);
        return Results.Created($"/api/v1/seam-assessments/{seamId}/actions", ActionResponse.From(item, clock.LondonToday()));
    }

    private static async Task<IResult> ProgressActionAsync(HttpContext context, ActionPlans plans, PanelActionRecords panelActions, NeedToKnow needToKnow, SightlineDb db, TimeProvider clock, Guid actionId, CancellationToken cancellationToken)
    {
        var me = context.Me();
        var personId = await db.ActionItems.AsNoTracking().Where(a => a.Id == actionId).Select(a => (Guid?)a.PersonId).FirstOrDefaultAsync(cancellationToken);
        // One progress endpoint for every action: a plan row, or else an action a panel agreed.
        var isPanelAction = personId is null && await db.PanelActions.AnyAsync(a => a.Id == actionId, cancellationToken);
        if (!isPanelAction && (personId is null || !(await needToKnow.DecideAsync(me, personId.Value, cancellationToken)).Allowed)) return ApiProblems.NotFound();
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var status = body.Enum<ActionStatus>("status", ActionStatusValues);
        var note = body.String("completionNote");
        var rowVersion = body.Guid("rowVersion");
        var ifMatch = context.Request.Headers.IfMatch.ToString().Trim().TrimStart('W', '/').Trim('"', ' ');
        if (rowVersion is null && Guid.TryParse(ifMatch, out var fromHeader)) rowVersion = fromHeader;
        if (!body.Has("status") && !body.Errors.All.Any(e => e.Key == "status")) body.Errors.Add("status", $"status is required: one of {ActionStatusValues}");
        if (rowVersion is null && !body.Errors.All.Any(e => e.Key == "rowVersion"))
            body.Errors.Add("rowVersion", "rowVersion is required: send the rowVersion you last read (or an If-Match header)");
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        if (isPanelAction) return await PanelsApi.ProgressAsync(context, panelActions, clock, actionId, new ActionProgress(status, note), rowVersion!.Value, cancellationToken);
        var outcome = await plans.ProgressAsync(me, actionId, new ActionProgress(status, note), rowVersion!.Value, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        var item = await LoadActionAsync(db, actionId, cancellationToken);
        context.Response.Headers.ETag = ETag(item.Version);
        return Results.Ok(ActionResponse.From(item, clock.LondonToday()));
    }

    private static Task<ActionItem> LoadActionAsync(SightlineDb db, Guid id, CancellationToken cancellationToken) =>
        db.ActionItems.AsNoTracking().Include(a => a.OwnerUser).Include(a => a.OwnerAgency).FirstAsync(a => a.Id == id, cancellationToken);

    // ---- Panel referrals ----

    private static async Task<IResult> ListReferralsAsync(HttpContext context, Referrals referrals, NeedToKnow needToKnow, SightlineDb db, string? personId, string? status, CancellationToken cancellationToken)
    {
        var me = context.Me();
        var errors = new ValidationErrors();
        Guid? person = null;
        if (!string.IsNullOrWhiteSpace(personId))
        {
            if (Guid.TryParse(personId, out var parsed)) person = parsed;
            else errors.Add("personId", "personId must be a young person's id as returned by the API");
        }
        ReferralStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Sightline.Core.People.PersonLabels.TryParseEnum<ReferralStatus>(status, out var parsed)) wanted = parsed;
            else errors.Add("status", $"status must be one of: {ReferralStatusValues}");
        }
        if (errors.Any) return ApiProblems.Validation(errors);
        // One young person's referrals: outside need-to-know that person does not exist, as everywhere else.
        if (person is { } id && !(await needToKnow.DecideAsync(me, id, cancellationToken)).Allowed) return ApiProblems.NotFound();

        var list = await referrals.ListAsync(me, person, wanted, cancellationToken);
        var seamIds = list.Where(r => r.SeamAssessmentId != null).Select(r => r.SeamAssessmentId!.Value).Distinct().ToList();
        var assessments = seamIds.Count == 0
            ? []
            : (await db.SeamAssessments.AsNoTracking().Where(s => seamIds.Contains(s.Id))
                .Select(s => new { s.Id, s.FormVersion, s.Status, s.Total, s.CalculatedLevel, s.JudgementLevel })
                .ToListAsync(cancellationToken))
                .Select(s => new ReferralAssessment(s.Id, s.FormVersion, s.Status.ToString(), s.Total, s.CalculatedLevel.ToString(),
                    (s.JudgementLevel ?? s.CalculatedLevel).ToString()))
                .ToList();
        return Results.Ok(list.Select(r => ReferralResponse.From(r, assessments.FirstOrDefault(a => a.Id == r.SeamAssessmentId))).ToList());
    }

    // ---- Helpers ----

    private static string? NestedString(JsonBody body, JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        body.Errors.Add(field, $"{field} must be a string");
        return null;
    }

    /// <summary>
    /// Adds the Core's own errors to the errors of reading the JSON, so one 400 lists every field at
    /// fault; a field that could not be read is not also reported for what is inside it.
    /// </summary>
    private static ValidationErrors Merge(ValidationErrors read, ValidationErrors rules)
    {
        var unreadable = read.All.Select(e => e.Key).ToList();
        foreach (var (field, message) in rules.All)
            if (!unreadable.Any(k => field == k || field.StartsWith(k + ".", StringComparison.Ordinal))) read.Add(field, message);
        return read;
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is > 0 || request.ContentLength is null && request.ContentType is not null;

    private static string ETag(Guid version) => $"\"{version}\"";

    /// <summary>As the Core shortens an unknown key in its field names, so the two agree.</summary>
    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

// ---- Requests (for the OpenAPI document; bodies are read field by field) ----

public sealed record SeamScoreRequest(int Score, string? Evidence);

public sealed record SeamRequest(string Version, Dictionary<string, SeamScoreRequest> Scores, string? YoungPersonPerception, string? YoungPersonView,
    string? AssessedOn, Guid? SafeguardScreenId, Guid? RowVersion);

public sealed record ApprovalRequest(string? JudgementLevel, string? JudgementReason);

public sealed record ReturnRequest(string Comments);

public sealed record ScreenAreaRequest(bool Concern, string? Seen);

public sealed record ScreenRequest(string? ScreenedOn, Dictionary<string, ScreenAreaRequest> Areas, bool? HoldStrategyMeeting, string? Decision, string Reason);

public sealed record ActionRequest(string? DomainKey, string AreaOfNeed, string DesiredOutcome, string Action, Guid? OwnerUserId, Guid? OwnerAgencyId, string DueOn);

public sealed record ActionProgressRequest(string Status, string? CompletionNote, Guid? RowVersion);

// ---- Responses ----

public sealed record LanguageGuidanceResponse(string Field, string Found, string Phrase, IReadOnlyList<string> Alternatives)
{
    public static List<LanguageGuidanceResponse> For(IEnumerable<(string Field, string? Text)> texts) =>
        LanguageGuidance.Check(texts).Select(m => new LanguageGuidanceResponse(m.Field, m.Found, m.Phrase, m.Alternatives)).ToList();
}

public sealed record SeamScoreResponse(int Score, string? Evidence);

public sealed record SeamResponse(
    Guid Id, Guid PersonId, string Version, Guid RowVersion, string Status, string AssessedOn,
    int Total, int MaxTotal, string RiskLevel, string? JudgementLevel, string? JudgementReason, string Level,
    string? YoungPersonPerception, string? YoungPersonView, IReadOnlyDictionary<string, SeamScoreResponse> Scores,
    string? Routing, string? ReviewDueOn, Guid? PreviousAssessmentId, Guid? SupersededById, Guid? ReferralId, Guid? SafeguardScreenId,
    Guid AuthorUserId, DateTime CreatedAt, DateTime UpdatedAt, DateTime? SubmittedAt, DateTime? DecidedAt, Guid? DecidedByUserId,
    string? ReturnComments, IReadOnlyList<LanguageGuidanceResponse> LanguageGuidance)
{
    public static SeamResponse From(SeamAssessment a, Guid? referralId)
    {
        var form = a.Form;
        var scores = new Dictionary<string, SeamScoreResponse>(StringComparer.Ordinal);
        foreach (var domain in form.Domains)
        {
            var score = a.Scores.FirstOrDefault(s => s.DomainKey == domain.Key);
            if (score is not null) scores[domain.Key] = new SeamScoreResponse(score.Score, score.Evidence);
        }
        var guidance = LanguageGuidanceResponse.For(
            scores.Select(s => ($"scores.{s.Key}.evidence", s.Value.Evidence)).Append(("youngPersonView", a.YoungPersonView)));
        return new SeamResponse(a.Id, a.PersonId, a.FormVersion, a.Version, a.Status.ToString(), a.AssessedOn.ToString("yyyy-MM-dd"),
            a.Total, form.MaxTotal, a.CalculatedLevel.ToString(), a.JudgementLevel?.ToString(), a.JudgementReason, a.Level.ToString(),
            a.YoungPersonPerception?.ToString(), a.YoungPersonView, scores,
            a.Routing?.ToString(), a.ReviewDueOn?.ToString("yyyy-MM-dd"), a.PreviousAssessmentId, a.SupersededById, referralId, a.SafeguardScreenId,
            a.AuthorUserId, a.CreatedAt, a.UpdatedAt, a.SubmittedAt, a.DecidedAt, a.DecidedByUserId, a.ReturnComments, guidance);
    }
}

public sealed record ScreenAreaResponse(bool Concern, string? Seen, string Title);

public sealed record ScreenResponse(Guid Id, Guid PersonId, string ScreenedOn, IReadOnlyDictionary<string, ScreenAreaResponse> Areas, int AreasOfConcern,
    bool HoldStrategyMeeting, string Decision, string Reason, string? RecordedBy, Guid RecordedByUserId, DateTime RecordedAt,
    IReadOnlyList<LanguageGuidanceResponse> LanguageGuidance)
{
    public static ScreenResponse From(SafeguardScreen s, string? recordedBy = null)
    {
        var areas = new Dictionary<string, ScreenAreaResponse>(StringComparer.Ordinal);
        foreach (var area in SafeguardAreas.All)
        {
            var answer = s.Areas.FirstOrDefault(a => a.AreaKey == area.Key);
            if (answer is not null) areas[area.Key] = new ScreenAreaResponse(answer.Concern, answer.Seen, area.Title);
        }
        var guidance = LanguageGuidanceResponse.For(areas.Select(a => ($"areas.{a.Key}.seen", a.Value.Seen)).Append(("reason", (string?)s.DecisionReason)));
        return new ScreenResponse(s.Id, s.PersonId, s.ScreenedOn.ToString("yyyy-MM-dd"), areas, s.ConcernCount, s.HoldStrategyMeeting,
            s.HoldStrategyMeeting ? "strategy-meeting" : "no-strategy-meeting", s.DecisionReason,
            s.RecordedBy?.DisplayName ?? recordedBy, s.RecordedByUserId, s.RecordedAt, guidance);
    }
}

public sealed record ActionResponse(Guid Id, Guid PersonId, Guid? SeamAssessmentId, string? DomainKey, string AreaOfNeed, string DesiredOutcome, string Action,
    Guid? OwnerUserId, Guid? OwnerAgencyId, string OwnerName, string DueOn, string Status, bool IsOverdue, string? CompletionNote, DateTime? CompletedAt,
    Guid CreatedByUserId, DateTime CreatedAt, Guid RowVersion, IReadOnlyList<LanguageGuidanceResponse> LanguageGuidance)
{
    public static ActionResponse From(ActionItem a, DateOnly today) => new(a.Id, a.PersonId, a.SeamAssessmentId, a.DomainKey, a.AreaOfNeed, a.DesiredOutcome, a.Action,
        a.OwnerUserId, a.OwnerAgencyId, a.OwnerName, a.DueOn.ToString("yyyy-MM-dd"), a.Status.ToString(), a.IsOverdueOn(today), a.CompletionNote, a.CompletedAt,
        a.CreatedByUserId, a.CreatedAt, a.Version,
        LanguageGuidanceResponse.For([("areaOfNeed", a.AreaOfNeed), ("desiredOutcome", a.DesiredOutcome), ("action", a.Action)]));
}

public sealed record ReferralAssessment(Guid Id, string Version, string Status, int Total, string RiskLevel, string Level);

public sealed record ReferralResponse(Guid Id, Guid PersonId, string PanelType, string Status, string? RiskLevel, string Reason, DateTime CreatedAt,
    Guid? SeamAssessmentId, ReferralAssessment? Assessment, DateTime? DecidedAt, string? DecisionReason)
{
    public static ReferralResponse From(PanelReferral r, ReferralAssessment? assessment) => new(r.Id, r.PersonId, r.PanelType, r.Status.ToString(),
        r.RiskLevel?.ToString(), r.Reason, r.CreatedAt, r.SeamAssessmentId, assessment, r.DecidedAt, r.DecisionReason);
}
