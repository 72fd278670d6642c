using System.Globalization;
using System.Text.Json;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.People;

using Sightline.Web.Auth;

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
            if (!IsText(document.RootElement))
                return (null, ApiProblems.Validation(new ValidationErrors().Add("body", "The body has text that is not valid Unicode (a lone surrogate escape such as \\ud800)")));
            return (new JsonBody(document.RootElement.Clone()), null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.Validation(new ValidationErrors().Add("body", $"The body is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})")));
        }
    }

    /// <summary>
    /// Whether every name and string in the document reads as text. JSON allows an escaped lone surrogate ("\ud800"), which
    /// no .NET string holds: reading it throws, so it is refused once here rather than failing (500) wherever it is read.
    /// </summary>
    private static bool IsText(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString() is not null,
                JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && IsText(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(IsText),
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public bool Has(string name) => _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Whether the field is in the body at all, even as null (a merge reads null as "clear it").</summary>
    public bool Present(string name) => _root.TryGetProperty(name, out _);

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

    /// <summary>
    /// A date and time in ISO 8601: with <c>Z</c> or an offset it is that instant; without one it is
    /// London local time (the time on the clock where the partnership works). Returned in UTC.
    /// </summary>
    public DateTime? Time(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(name, $"{name} {IsoTime.Expected}");
            return null;
        }
        var (time, problem) = IsoTime.Parse(value.GetString()!);
        if (time is not null) return time;
        Errors.Add(name, $"{name} {problem}");
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

/// <summary>ISO 8601 date-times as integrations send them, read into UTC.</summary>
public static partial class IsoTime
{
    public const string Expected = "must be a date and time in ISO 8601, e.g. 2026-11-20T21:30:00Z";

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:(?<z>[Zz])|(?<sign>[+-])(?<oh>\d{2})(?::?(?<om>\d{2}))?)?$")]
    private static partial System.Text.RegularExpressions.Regex Pattern();

    /// <summary>The instant in UTC, or why the text is not one (a sentence ending that follows the field's name).</summary>
    public static (DateTime? Utc, string? Problem) Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success) return (null, Expected);
        int Part(int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var (year, month, day, hour, minute) = (Part(1), Part(2), Part(3), Part(4), Part(5));
        var second = match.Groups[6].Success ? Part(6) : 0;
        if (year is < 1900 or > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return (null, Expected);
        var fraction = match.Groups[7].Success ? long.Parse(match.Groups[7].Value.PadRight(7, '0')[..7], CultureInfo.InvariantCulture) : 0;
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        if (match.Groups["z"].Success) return (DateTime.SpecifyKind(local, DateTimeKind.Utc), null);
        if (match.Groups["sign"].Success)
        {
            var offsetHours = int.Parse(match.Groups["oh"].Value, CultureInfo.InvariantCulture);
            var offsetMinutes = match.Groups["om"].Success ? int.Parse(match.Groups["om"].Value, CultureInfo.InvariantCulture) : 0;
            if (offsetHours > 14 || offsetMinutes > 59) return (null, Expected);
            var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (match.Groups["sign"].Value == "-") offset = -offset;
            return (DateTime.SpecifyKind(local - offset, DateTimeKind.Utc), null);
        }
        // No offset: the time on a London clock.
        if (Sightline.Core.London.Zone.IsInvalidTime(local))
            return (null, "is a time that did not happen in London (the clocks went forward): give the time with its offset, e.g. 2026-03-29T01:30:00Z");
        return (TimeZoneInfo.ConvertTimeToUtc(local, Sightline.Core.London.Zone), null);
    }
}

public static class ApiProblems
{
    /// <summary>
    /// Every failed outcome of the Core as HTTP: no need-to-know 404 (as if missing), field errors 400,
    /// a stale version 409, a refusal 403 with the reason as its title.
    /// </summary>
    public static IResult From<T>(Outcome<T> outcome, Func<ValidationErrors, ValidationErrors>? errors = null) =>
        outcome.NotFound ? NotFound()
        : outcome.Errors is not null ? Validation(errors is null ? outcome.Errors : errors(outcome.Errors))
        : outcome.Conflict ? Conflict()
        : outcome.Refusal is not null ? Refused(outcome.Refusal)
        : throw new InvalidOperationException("An outcome failed without saying why.");

    /// <summary>The signed-in user as the Core sees them; authorization has already required one.</summary>
    public static CurrentUser Me(this HttpContext context) => context.User.ToCurrentUser()
        ?? throw new InvalidOperationException("Authorization let through a principal without Sightline claims.");

    /// <summary>400 with the fields at fault, in the standard ValidationProblem shape.</summary>
    public static IResult Validation(ValidationErrors errors) =>
        Results.ValidationProblem(errors.ToDictionary(), title: "The request has fields that need correcting");

    /// <summary>403 for a user who can see the record but may not do this to it; the title says why.</summary>
    public static IResult Refused(string reason) => Results.Problem(statusCode: 403, title: reason);

    public static IResult NotFound() => Results.Problem(statusCode: 404, title: "Not found");

    public static IResult Conflict() => Results.Problem(statusCode: 409, title: "The record has changed since you read it",
        detail: "Someone else saved a change first. Read the record again, reapply your change and send the new version.");
}
