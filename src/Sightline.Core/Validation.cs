namespace Sightline.Core;

/// <summary>Field-level problems with input, keyed by the field's name as the caller knows it.</summary>
public sealed class ValidationErrors
{
    private readonly List<KeyValuePair<string, string>> _errors = [];

    public bool Any => _errors.Count > 0;
    public IReadOnlyList<KeyValuePair<string, string>> All => _errors;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.Any(e => e.Key == field)) _errors.Add(new(field, message));
        return this;
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Value).ToArray());
}

/// <summary>
/// The result of a command: a value, field errors, a stale concurrency token, no access to the
/// record (<see cref="NotFound"/>, indistinguishable from a missing one), or a refusal of a user
/// who can see the record but may not do this to it (<see cref="Refusal"/>, said in words).
/// </summary>
public sealed record Outcome<T>(T? Value, ValidationErrors? Errors = null, bool Conflict = false, bool NotFound = false, string? Refusal = null)
{
    public bool Succeeded => Value is not null && Errors is null && !Conflict && !NotFound && Refusal is null;
    public static Outcome<T> Refused(string reason) => new(default, Refusal: reason);
    public Outcome<TOther> As<TOther>() => new(default, Errors, Conflict, NotFound, Refusal);
    public static Outcome<T> Ok(T value) => new(value);
    public static Outcome<T> Invalid(ValidationErrors errors) => new(default, errors);
    public static Outcome<T> Stale() => new(default, Conflict: true);
    public static Outcome<T> Missing() => new(default, NotFound: true);
}
