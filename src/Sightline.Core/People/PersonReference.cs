using System.Security.Cryptography;

namespace Sightline.Core.People;

/// <summary>Short, unambiguous references (no 0/O, 1/I) that can be read aloud.</summary>
public static class PersonReference
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return "SL-" + new string(chars);
    }

    public static bool LooksLikeReference(string text) =>
        text.Trim().StartsWith("SL-", StringComparison.OrdinalIgnoreCase) && text.Trim().Length == 11;
}

public static class NameSearch
{
    /// <summary>Upper-case invariant with collapsed spaces: what we store and what we match against.</summary>
    public static string Normalise(string text) =>
        string.Join(' ', text.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public const string LikeEscape = "\\";

    /// <summary>Makes % and _ in what someone typed match themselves, not "anything".</summary>
    public static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
