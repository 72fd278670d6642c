using System.Text;
using System.Text.Json;

namespace Sightline.Web.Tests.Support;

/// <summary>
/// One hostile value, as raw JSON (so it can be a number, an object or a lone surrogate escape, which no .NET string
/// serialises) and as an already percent-encoded form value (so it can be bytes that are not UTF-8).
/// <paramref name="FormRepeat"/> sends the form field that many times, the form's version of a huge array.
/// </summary>
public sealed record HostileValue(string Name, string Json, string Form, int FormRepeat = 1)
{
    public static HostileValue Text(string name, string value) => new(name, JsonSerializer.Serialize(value), Uri.EscapeDataString(value));
}

/// <summary>The malformed, oversized, wrongly typed and injection-shaped values the fuzz test sends everywhere.</summary>
public static class HostileInput
{
    /// <summary>Reflected unescaped, this would run in a browser: no response may contain it as it is.</summary>
    public const string Script = "<script>alert(1)</script>";

    private static readonly string Megabyte = new('x', 1024 * 1024);
    private static readonly string DeepJson = new string('[', 2000) + new string(']', 2000);

    public static readonly IReadOnlyList<HostileValue> Values =
    [
        HostileValue.Text("sql", "' OR 1=1 --"),
        HostileValue.Text("script", Script),
        HostileValue.Text("path", "../../etc/passwd"),
        HostileValue.Text("header", "x\r\nSet-Cookie: fuzz=1"),
        // A lone high surrogate: valid in a JSON escape, impossible in UTF-8 (the form sends its would-be bytes).
        new("lone-surrogate", "\"\\ud800x\"", "%ED%A0%80x"),
        HostileValue.Text("rtl-override", "\u202Etxt.exe"),
        HostileValue.Text("zero-width", "\u200B\u200C\u200D\uFEFF"),
        HostileValue.Text("nul", "a\0b"),
        HostileValue.Text("emoji", "👩‍👩‍👧‍👦🏳️‍🌈"),
        HostileValue.Text("combining", "e" + new string('\u0301', 5000)),
        HostileValue.Text("megabyte", Megabyte),
        HostileValue.Text("empty", ""),
        HostileValue.Text("whitespace", " \t \n "),
        HostileValue.Text("format", "{0}%s%n%x"),
        HostileValue.Text("impossible-date", "2026-02-30"),
        HostileValue.Text("far-date", "99999-12-31"),
        HostileValue.Text("empty-guid", "00000000-0000-0000-0000-000000000000"),
        new("number", "123", "123"),
        new("huge-number", "-99999999999999999999999999999", "-99999999999999999999999999999"),
        new("float", "1e308", "1e308"),
        new("boolean", "true", "true"),
        new("null", "null", "null"),
        new("object", "{\"a\":{\"b\":[1]}}", Uri.EscapeDataString("{\"a\":1}")),
        new("array-10k", "[" + string.Join(',', Enumerable.Range(0, 10_000)) + "]", "1", FormRepeat: 10_000),
        new("deep", DeepJson, Uri.EscapeDataString(DeepJson)),
    ];

    /// <summary>Whole JSON bodies that are not a usable object: empty, truncated, the wrong shape, oversized, deeply nested, not UTF-8.</summary>
    public static readonly IReadOnlyList<(string Name, byte[] Body)> JsonBodies =
    [
        ("empty", []),
        ("null", "null"u8.ToArray()),
        ("array", "[]"u8.ToArray()),
        ("truncated", "{\"a\":"u8.ToArray()),
        ("string", "\"x\""u8.ToArray()),
        ("deep", Encoding.UTF8.GetBytes(DeepJson)),
        ("megabyte", Encoding.UTF8.GetBytes("{\"x\":\"" + Megabyte + "\"}")),
        ("array-10k", Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("{}", 10_000)) + "]")),
        ("duplicate-keys", "{\"a\":1,\"a\":2}"u8.ToArray()),
        ("not-utf8", [(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']),
        ("binary", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xFF, 0xFE]),
    ];

    /// <summary>Values put in place of route parameters: not ids, or ids of nothing. (No %00: the server refuses a NUL in a path before the app sees it.)</summary>
    public static readonly IReadOnlyList<string> RouteValues =
    [
        "00000000-0000-0000-0000-000000000000", Guid.Empty.ToString("N") + "ff", "%27%20OR%201%3D1%20--",
        "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%ED%A0%80", new string('9', 5000), "-1",
    ];

    /// <summary>
    /// The script and <paramref name="count"/> - 1 other values, chosen by a fixed seed so every run sends the same: each field
    /// gets a different few, and across the fields of the app every value is tried many times.
    /// </summary>
    public static IReadOnlyList<HostileValue> Sample(Random random, int count) =>
        count >= Values.Count ? Values : [Values[1], .. Values.Where(v => v != Values[1]).OrderBy(_ => random.Next()).Take(count - 1)];
}
