using System.Text.Json;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.Network;
using Sightline.Core.People;
using Sightline.Web.Auth;

namespace Sightline.Web.Api;

/// <summary>
/// The network under <c>/api/v1</c>: associations, a young person's network with the links worth a
/// look, persons of concern (police, named users) and places, with disruption against either.
/// For the roles that work with records only. Anything the user may not see is 404, exactly as if
/// it did not exist. The rules live in Core/Network.
/// </summary>
public static class NetworkApi
{
    public static void MapNetworkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager))
            .WithTags("Network");
        api.MapPost("/associations", AssociateAsync).WithName("CreateAssociation")
            .WithSummary("Link two of: a young person (person), a person of concern (person-of-concern), a place (place)")
            .Produces<AssociationResponse>(201).ProducesValidationProblem().ProducesProblem(404);
        api.MapGet("/people/{id:guid}/network", NetworkAsync).WithName("PersonNetwork")
            .WithSummary("The young person's network to depth 1–3 (default 2), only what you may see, with the links worth a look since a date (default a month ago)")
            .Produces<NetworkResponse>().ProducesValidationProblem().ProducesProblem(404);

        api.MapGet("/persons-of-concern", ListConcernsAsync).WithName("ListPersonsOfConcern").Produces<PersonOfConcernSummaryResponse[]>();
        api.MapPost("/persons-of-concern", CreateConcernAsync).WithName("CreatePersonOfConcern")
            .Produces<PersonOfConcernResponse>(201).ProducesValidationProblem();
        api.MapGet("/persons-of-concern/{personOfConcernId:guid}", GetConcernAsync).WithName("GetPersonOfConcern")
            .Produces<PersonOfConcernResponse>().ProducesProblem(404);
        api.MapPut("/persons-of-concern/{personOfConcernId:guid}", UpdateConcernAsync).WithName("UpdatePersonOfConcern")
            .Produces<PersonOfConcernResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/persons-of-concern/{personOfConcernId:guid}/disruption", (HttpContext c, Disruption d, DisruptionTactics t, Guid personOfConcernId, CancellationToken ct) =>
            DisruptAsync(c, d, t, NodeKind.PersonOfConcern, personOfConcernId, ct)).WithName("DisruptPersonOfConcern")
            .Produces<DisruptionResponse>(201).ProducesValidationProblem().ProducesProblem(404);

        api.MapGet("/places", ListPlacesAsync).WithName("ListPlaces").Produces<PlaceResponse[]>();
        api.MapPost("/places", CreatePlaceAsync).WithName("CreatePlace").Produces<PlaceResponse>(201).ProducesValidationProblem();
        api.MapGet("/places/{placeId:guid}", GetPlaceAsync).WithName("GetPlace").Produces<PlaceResponse>().ProducesProblem(404);
        api.MapPut("/places/{placeId:guid}", UpdatePlaceAsync).WithName("UpdatePlace")
            .Produces<PlaceResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/places/{placeId:guid}/disruption", (HttpContext c, Disruption d, DisruptionTactics t, Guid placeId, CancellationToken ct) =>
            DisruptAsync(c, d, t, NodeKind.Place, placeId, ct)).WithName("DisruptPlace")
            .Produces<DisruptionResponse>(201).ProducesValidationProblem().ProducesProblem(404);
        api.MapGet("/disruption-tactics", async (DisruptionTactics tactics, CancellationToken ct) =>
            Results.Ok((await tactics.ListAsync(activeOnly: true, ct)).Select(t => new TacticResponse(t.Key, t.Name)).ToList()))
            .WithName("ListDisruptionTactics").Produces<TacticResponse[]>();
    }

    private static async Task<IResult> AssociateAsync(HttpContext context, Associations associations, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var from = ReadNode(body, "from");
        var to = ReadNode(body, "to");
        var type = ReadEnum<AssociationType>(body, "type", required: true);
        var confidence = ReadEnum<Confidence>(body, "confidence", required: false);
        var input = new AssociationInput(from, to, type, body.String("source"), body.Date("date"), confidence, body.String("notes"));
        foreach (var (field, message) in Associations.Validate(input, clock.LondonToday()).All)
            if (!body.Errors.All.Any(e => e.Key.StartsWith(field, StringComparison.Ordinal))) body.Errors.Add(field, message);
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await associations.CreateAsync(context.Me(), input, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        var a = outcome.Value!;
        return Results.Created($"/api/v1/associations/{a.Id}", AssociationResponse.Of(a));
    }

    /// <summary>Reads <c>{"kind": "...", "id": "..."}</c>, with errors keyed <c>from.kind</c>, <c>from.id</c>.</summary>
    private static NodeRef? ReadNode(JsonBody body, string name)
    {
        if (!body.TryGet(name, out var value))
        {
            body.Errors.Add(name, $"{name} is required: {{\"kind\": \"person\", \"id\": \"...\"}}");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            body.Errors.Add(name, $"{name} must be an object: {{\"kind\": \"person\", \"id\": \"...\"}}");
            return null;
        }
        NodeKind? kind = null;
        Guid? id = null;
        var kindText = value.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        if (NetworkLabels.TryParse<NodeKind>(kindText, out var parsedKind)) kind = parsedKind;
        else body.Errors.Add($"{name}.kind", $"{name}.kind must be one of: {NetworkLabels.Allowed<NodeKind>()}");
        var idText = value.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        if (Guid.TryParse(idText, out var parsedId)) id = parsedId;
        else body.Errors.Add($"{name}.id", $"{name}.id must be an identifier as returned by the API");
        return kind is { } kk && id is { } ii ? new NodeRef(kk, ii) : null;
    }

    private static T? ReadEnum<T>(JsonBody body, string name, bool required) where T : struct, Enum
    {
        var text = body.String(name);
        if (text is null)
        {
            if (required && !body.Errors.All.Any(e => e.Key == name)) body.Errors.Add(name, $"{name} is required, one of: {NetworkLabels.Allowed<T>()}");
            return null;
        }
        if (NetworkLabels.TryParse<T>(text, out var value)) return value;
        body.Errors.Add(name, $"{name} must be one of: {NetworkLabels.Allowed<T>()}");
        return null;
    }

    private static async Task<IResult> NetworkAsync(HttpContext context, NetworkQuery network, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var request = NetworkRequest.Read(context.Request.Query, clock.LondonToday());
        if (request.Errors.Any) return ApiProblems.Validation(request.Errors);
        var graph = await network.ForPersonAsync(context.Me(), id, request.Filter, request.Since, cancellationToken);
        if (graph is null) return ApiProblems.NotFound();
        return Results.Ok(NetworkResponse.From(id, request, graph));
    }

    private static async Task<IResult> ListConcernsAsync(HttpContext context, PersonsOfConcern persons, string? q, CancellationToken cancellationToken) =>
        Results.Ok((await persons.ListAsync(context.Me(), q, cancellationToken))
            .Select(p => new PersonOfConcernSummaryResponse(p.Id, p.Name, p.Category.Kebab(), p.Aliases?.Split('\n') ?? [], p.Disruptions)).ToList());

    private static async Task<IResult> GetConcernAsync(HttpContext context, PersonsOfConcern persons, Guid personOfConcernId, CancellationToken cancellationToken)
    {
        var record = await persons.ViewAsync(context.Me(), personOfConcernId, cancellationToken);
        return record is null ? ApiProblems.NotFound() : Results.Ok(PersonOfConcernResponse.From(record));
    }

    private static async Task<IResult> CreateConcernAsync(HttpContext context, PersonsOfConcern persons, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = ReadConcern(body);
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await persons.CreateAsync(context.Me(), input, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        var record = (await persons.ViewAsync(context.Me(), outcome.Value!.Id, cancellationToken))!;
        return Results.Created($"/api/v1/persons-of-concern/{outcome.Value.Id}", PersonOfConcernResponse.From(record));
    }

    private static async Task<IResult> UpdateConcernAsync(HttpContext context, PersonsOfConcern persons, Guid personOfConcernId, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = ReadConcern(body);
        var version = body.Guid("version");
        if (version is null && !body.Errors.All.Any(e => e.Key == "version")) body.Errors.Add("version", "version is required: send the version you last read");
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await persons.UpdateAsync(context.Me(), personOfConcernId, input, version!.Value, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        return Results.Ok(PersonOfConcernResponse.From((await persons.ViewAsync(context.Me(), personOfConcernId, cancellationToken))!));
    }

    private static PersonOfConcernInput ReadConcern(JsonBody body)
    {
        var vehicles = new List<VehicleInput>();
        if (body.TryGet("vehicles", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Object))
                body.Errors.Add("vehicles", "vehicles must be a list of {\"registration\", \"description\"}");
            else
                vehicles.AddRange(list.EnumerateArray().Select(v => new VehicleInput(StringOf(v, "registration"), StringOf(v, "description"))));
        }
        var emails = new List<string>();
        if (body.TryGet("namedUserEmails", out var named))
        {
            if (named.ValueKind != JsonValueKind.Array || named.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                body.Errors.Add("namedUsers", "namedUserEmails must be a list of email addresses");
            else emails.AddRange(named.EnumerateArray().Select(v => v.GetString()!));
        }
        var aliases = body.TryGet("aliases", out var a) && a.ValueKind == JsonValueKind.Array
            ? string.Join('\n', a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()))
            : body.String("aliases");
        return new PersonOfConcernInput(body.String("name"), aliases, body.Date("dateOfBirth"), Number(body, "approximateAge") is { } age ? (int)age : null,
            ReadEnum<ConcernCategory>(body, "category", required: false), body.String("notes"), vehicles, emails);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonBody body, string name)
    {
        if (!body.TryGet(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
        body.Errors.Add(name, $"{name} must be a number");
        return null;
    }

    private static async Task<IResult> ListPlacesAsync(HttpContext context, Places places, CancellationToken cancellationToken) =>
        Results.Ok((await places.ListAsync(context.Me(), cancellationToken)).Select(p => PlaceResponse.From(p, [])).ToList());

    private static async Task<IResult> GetPlaceAsync(HttpContext context, Places places, Guid placeId, CancellationToken cancellationToken)
    {
        var record = await places.ViewAsync(context.Me(), placeId, cancellationToken);
        return record is null ? ApiProblems.NotFound() : Results.Ok(PlaceResponse.From(record.Place, record.Disruption));
    }

    private static async Task<IResult> CreatePlaceAsync(HttpContext context, Places places, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = ReadPlace(body);
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await places.CreateAsync(context.Me(), input, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        return Results.Created($"/api/v1/places/{outcome.Value!.Id}", PlaceResponse.From(outcome.Value, []));
    }

    private static async Task<IResult> UpdatePlaceAsync(HttpContext context, Places places, Guid placeId, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var input = ReadPlace(body);
        var version = body.Guid("version");
        if (version is null && !body.Errors.All.Any(e => e.Key == "version")) body.Errors.Add("version", "version is required: send the version you last read");
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await places.UpdateAsync(context.Me(), placeId, input, version!.Value, cancellationToken);
        return outcome.Succeeded ? Results.Ok(PlaceResponse.From(outcome.Value!, [])) : ApiProblems.From(outcome);
    }

    private static PlaceInput ReadPlace(JsonBody body)
    {
        var input = new PlaceInput(body.String("name"), ReadEnum<PlaceType>(body, "type", required: true), body.String("address"), body.String("postcode"),
            Number(body, "latitude"), Number(body, "longitude"), body.String("notes"));
        foreach (var (field, message) in Places.Validate(input).All)
            if (!body.Errors.All.Any(e => e.Key == field)) body.Errors.Add(field, message);
        return input;
    }

    private static async Task<IResult> DisruptAsync(HttpContext context, Disruption disruption, DisruptionTactics tactics, NodeKind kind, Guid id, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (body is null) return problem!;
        var tacticKey = body.String("tactic");
        var known = await tactics.ListAsync(activeOnly: true, cancellationToken);
        var tactic = known.FirstOrDefault(t => t.Key == tacticKey);
        if (tactic is null) body.Errors.Add("tactic", $"tactic must be one of: {string.Join(", ", known.Select(t => t.Key))}");
        var input = new DisruptionInput(tactic?.Id, body.Guid("leadAgencyId"), body.Date("startDate"), body.Date("endDate"),
            ReadEnum<DisruptionStatus>(body, "status", required: true), body.String("outcome"));
        if (input.LeadAgencyId is null && !body.Errors.All.Any(e => e.Key == "leadAgencyId")) body.Errors.Add("leadAgencyId", "leadAgencyId is required");
        if (input.StartDate is null && !body.Errors.All.Any(e => e.Key == "startDate")) body.Errors.Add("startDate", "startDate is required (YYYY-MM-DD)");
        if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        var outcome = await disruption.AddAsync(context.Me(), kind, id, input, cancellationToken);
        if (!outcome.Succeeded) return ApiProblems.From(outcome);
        var d = outcome.Value!;
        return Results.Created($"/api/v1/{(kind == NodeKind.Place ? "places" : "persons-of-concern")}/{id}", new DisruptionResponse(d.Id, tactic!.Key, tactic.Name, d.LeadAgencyId, null,
            d.StartDate.ToString("yyyy-MM-dd"), d.EndDate?.ToString("yyyy-MM-dd"), d.Status.Kebab(), d.Outcome));
    }
}

public sealed record NodeRefResponse(string Kind, Guid Id)
{
    public static NodeRefResponse From(NodeRef node) => new(node.Kind.Kebab(), node.Id);
}

public sealed record AssociationResponse(Guid Id, NodeRefResponse From, NodeRefResponse To, string Type, string? Source, string Date, string Confidence, string? Notes, Guid RecordedBy, DateTime RecordedAt)
{
    public static AssociationResponse Of(Association a) => new(a.Id, NodeRefResponse.From(new(a.FromKind, a.FromId)), NodeRefResponse.From(new(a.ToKind, a.ToId)),
        a.Type.Kebab(), a.Source, a.Date.ToString("yyyy-MM-dd"), a.Confidence.Kebab(), a.Notes, a.RecordedByUserId, a.RecordedAt);
}

public sealed record NetworkNodeResponse(string Kind, Guid Id, string Label, string? Detail, int Depth);

public sealed record NetworkEdgeResponse(Guid Id, NodeRefResponse From, NodeRefResponse To, string Type, string Date, string Confidence, string? Source);

public sealed record LinkResponse(string Kind, string Summary, NetworkNodeResponse Hub, IReadOnlyList<NetworkNodeResponse> People);

public sealed record NetworkResponse(Guid PersonId, int Depth, string Since, IReadOnlyList<NetworkNodeResponse> Nodes, IReadOnlyList<NetworkEdgeResponse> Edges, IReadOnlyList<LinkResponse> LinksWorthALook)
{
    private static NetworkNodeResponse Node(NetworkNode n) => new(n.Kind.Kebab(), n.Id, n.Label, n.Detail, n.Depth);

    public static NetworkResponse From(Guid personId, NetworkRequest request, NetworkGraph graph) => new(personId, request.Filter.Depth, request.Since.ToString("yyyy-MM-dd"),
        graph.Nodes.Select(Node).ToList(),
        graph.Edges.Select(e => new NetworkEdgeResponse(e.Id, NodeRefResponse.From(e.From), NodeRefResponse.From(e.To), e.Type.Kebab(), e.Date.ToString("yyyy-MM-dd"), e.Confidence.Kebab(), e.Source)).ToList(),
        graph.LinksWorthALook.Select(l => new LinkResponse(l.Kind.Kebab(), l.Summary, Node(l.Hub), l.People.Select(Node).ToList())).ToList());
}

public sealed record VehicleResponse(string Registration, string? Description);

public sealed record NamedUserResponse(Guid Id, string Name, string Email);

public sealed record DisruptionResponse(Guid Id, string Tactic, string TacticName, Guid LeadAgencyId, string? LeadAgency, string StartDate, string? EndDate, string Status, string? Outcome)
{
    public static DisruptionResponse From(DisruptionActivity d) => new(d.Id, d.Tactic?.Key ?? "", d.Tactic?.Name ?? "", d.LeadAgencyId, d.LeadAgency?.Name,
        d.StartDate.ToString("yyyy-MM-dd"), d.EndDate?.ToString("yyyy-MM-dd"), d.Status.Kebab(), d.Outcome);
}

public sealed record PersonOfConcernSummaryResponse(Guid Id, string Name, string Category, IReadOnlyList<string> Aliases, int Disruptions);

public sealed record PersonOfConcernResponse(Guid Id, string Name, IReadOnlyList<string> Aliases, string? DateOfBirth, int? ApproximateAge, string Category, string? Notes,
    IReadOnlyList<VehicleResponse> Vehicles, IReadOnlyList<NamedUserResponse> NamedUsers, IReadOnlyList<DisruptionResponse> Disruption, Guid Version)
{
    public static PersonOfConcernResponse From(PersonOfConcernRecord r) => new(r.Person.Id, r.Person.Name, r.Person.AliasList, r.Person.DateOfBirth?.ToString("yyyy-MM-dd"),
        r.Person.ApproximateAge, r.Person.Category.Kebab(), r.Person.Notes, r.Person.Vehicles.Select(v => new VehicleResponse(v.Registration, v.Description)).ToList(),
        r.NamedUsers.Select(u => new NamedUserResponse(u.Id, u.Name, u.Email)).ToList(), r.Disruption.Select(DisruptionResponse.From).ToList(), r.Person.Version);
}

public sealed record PlaceResponse(Guid Id, string Name, string Type, string? Address, string? Postcode, double? Latitude, double? Longitude, string? Notes,
    IReadOnlyList<DisruptionResponse> Disruption, Guid Version)
{
    public static PlaceResponse From(Place p, IReadOnlyList<DisruptionActivity> disruption) => new(p.Id, p.Name, p.Type.Kebab(), p.Address, p.Postcode, p.Latitude, p.Longitude, p.Notes,
        disruption.Select(DisruptionResponse.From).ToList(), p.Version);
}

public sealed record TacticResponse(string Key, string Name);
