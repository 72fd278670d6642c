using System.Globalization;
using System.Text.Json;
using Sightline.Core;
using Sightline.Core.People;

namespace Sightline.Web.Api;

/// <summary>
/// Reads a JSON object field by field, recording a precise error for each field of the wrong type
/// or format, so a client learns everything at fault in one 400 rather than one at a time.
/// </summary>
public sealed class JsonBody
{
    private readonly JsonElement _root;
    public ValidationErrors Errors { get; } = new();

    private JsonBody(JsonElement root) => _root = root;

    /// <summary>Parses the request body; null (with a problem to return) when it is not a JSON object.</summary>
    public static async Task<(JsonBody? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !request.ContentType.Contains("+json"))
            return (null, Results.Problem(statusCode: 415, title: "Send JSON with Content-Type: application/json"));
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, ApiProblems.Validation(new ValidationErrors().Add("body", "The body must be a JSON object")));
            return (new JsonBody(document.RootElement.Clone()), null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.Validation(new ValidationErrors().Add("body", $"The body is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})")));
        }
    }

    public bool Has(string name) => _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The raw value of a field that is present and not null, for nested objects read by their endpoint.</summary>
    public bool TryGet(string name, out JsonElement value) =>
        _root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public bool? Bool(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Errors.Add(name, $"{name} must be true or false");
        return null;
    }

    public string? String(string name)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        Errors.Add(name, $"{name} must be a string");
        return null;
    }

    public DateOnly? Date(string name)
    {
        var text = String(name);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Errors.Add(name, $"{name} must be a date in the form YYYY-MM-DD");
        return null;
    }

    public Guid? Guid(string name)
    {
        var text = String(name);
        if (text is null) return null;
        if (System.Guid.TryParse(text, out var id)) return id;
        Errors.Add(name, $"{name} must be an identifier as returned by the API");
        return null;
    }

    public T? Enum<T>(string name, string allowed) where T : struct, Enum
    {
        var text = String(name);
        if (text is null) return null;
        if (PersonLabels.TryParseEnum<T>(text, out var value)) return value;
        Errors.Add(name, $"{name} must be one of: {allowed}");
        return null;
    }
}

public static class ApiProblems
{
    /// <summary>400 with the fields at fault, in the standard ValidationProblem shape.</summary>
    public static IResult Validation(ValidationErrors errors) =>
        Results.ValidationProblem(errors.ToDictionary(), title: "The request has fields that need correcting");

    /// <summary>403 for a user who can see the record but may not do this to it; the title says why.</summary>
    public static IResult Refused(string reason) => Results.Problem(statusCode: 403, title: reason);

    public static IResult NotFound() => Results.Problem(statusCode: 404, title: "Not found");

    public static IResult Conflict() => Results.Problem(statusCode: 409, title: "The record has changed since you read it",
        detail: "Someone else saved a change first. Read the record again, reapply your change and send the new version.");
}
