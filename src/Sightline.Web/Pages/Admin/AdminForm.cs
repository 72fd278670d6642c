using Sightline.Core.Access;

namespace Sightline.Web.Pages.Admin;

/// <summary>
/// Reading administration forms. Every field is bound as text and read here, so a missing or
/// tampered value becomes a GOV.UK error message from the rules rather than a binding failure.
/// </summary>
public static class AdminForm
{
    public static Guid? ReadGuid(string? text) => Guid.TryParse(text, out var value) ? value : null;

    /// <summary>An optional choice: null when none was made, <see cref="Guid.Empty"/> (which matches nothing) when the value is unreadable.</summary>
    public static Guid? ReadChoice(string? text) => string.IsNullOrWhiteSpace(text) ? null : ReadGuid(text) ?? Guid.Empty;

    public static bool? ReadBool(string? text) => text?.Trim() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public static string? Write(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    public static Role? ReadRole(string? text) => Roles.TryParse(text, out var role) ? role : null;

    public static AgencyKind? ReadKind(string? text) => AgencyKinds.TryParse(text, out var kind) ? kind : null;

    public static IEnumerable<(string Value, string Text)> RoleOptions =>
        Roles.All.Select(r => (r.Key(), r.DisplayName()));

    public static IEnumerable<(string Value, string Text)> KindOptions =>
        AgencyKinds.All.Select(k => (k.ToString(), k.DisplayName()));

    public static IEnumerable<(string Value, string Text)> YesNo => [("true", "Yes"), ("false", "No")];
}

/// <summary>A one-time password to show once, with whose it is.</summary>
public sealed record OneTimePasswordView(string Title, Guid UserId, string Name, string Email, Role Role, string Password);
