using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Sightline.Web.Tests.Support;

/// <summary>
/// The text of a PDF that PDFsharp wrote, page by page, for tests to read what a download says. PDFsharp writes text
/// as glyph ids in embedded fonts (Identity-H), so each font's ToUnicode map turns them back into characters. Every
/// string shown (Tj, TJ) ends with a space, so words of neighbouring cells do not run together.
/// </summary>
public static partial class PdfText
{
    public static List<string> Pages(byte[] bytes)
    {
        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        var pages = new List<string>();
        foreach (var page in document.Pages)
        {
            var maps = new Dictionary<string, Dictionary<int, string>>();
            var fonts = page.Resources.Elements.GetDictionary("/Font");
            foreach (var name in fonts?.Elements.Keys ?? [])
                maps[name] = ToUnicode(fonts!.Elements.GetDictionary(name)!);
            var text = new StringBuilder();
            var font = new Dictionary<int, string>();
            Walk(ContentReader.ReadContent(page), ref font, maps, text);
            pages.Add(text.ToString());
        }
        return pages;
    }

    public static string All(byte[] bytes) => string.Join("\n", Pages(bytes));

    private static void Walk(CSequence sequence, ref Dictionary<int, string> font, Dictionary<string, Dictionary<int, string>> maps, StringBuilder text)
    {
        foreach (var item in sequence)
        {
            if (item is not COperator op) continue;
            switch (op.OpCode.Name)
            {
                case "Tf" when op.Operands.OfType<CName>().FirstOrDefault() is { } name:
                    font = maps.GetValueOrDefault(name.Name) ?? [];
                    break;
                case "Tj" or "TJ" or "'" or "\"":
                    foreach (var s in Strings(op.Operands)) text.Append(Decode(s, font));
                    text.Append(' ');
                    break;
            }
        }
    }

    private static IEnumerable<CString> Strings(CSequence operands)
    {
        foreach (var o in operands)
        {
            if (o is CString s) yield return s;
            else if (o is CArray a) foreach (var inner in Strings(a)) yield return inner;
        }
    }

    private static string Decode(CString s, Dictionary<int, string> map)
    {
        var chars = s.Value;
        if (map.Count == 0) return chars;
        var text = new StringBuilder();
        for (var i = 0; i + 1 < chars.Length; i += 2)
        {
            var glyph = (chars[i] << 8) | chars[i + 1];
            text.Append(map.GetValueOrDefault(glyph, "?"));
        }
        return text.ToString();
    }

    private static Dictionary<int, string> ToUnicode(PdfDictionary font)
    {
        var map = new Dictionary<int, string>();
        if (font.Elements.GetDictionary("/ToUnicode") is not { Stream: { } stream }) return map;
        var cmap = Encoding.Latin1.GetString(stream.UnfilteredValue);
        foreach (Match m in Range().Matches(cmap))
        {
            int from = Hex(m.Groups[1].Value), to = Hex(m.Groups[2].Value), first = Hex(m.Groups[3].Value);
            for (var g = from; g <= to; g++) map[g] = char.ConvertFromUtf32(first + g - from);
        }
        foreach (Match m in Char().Matches(cmap))
            map[Hex(m.Groups[1].Value)] = char.ConvertFromUtf32(Hex(m.Groups[2].Value));
        return map;
    }

    private static int Hex(string text) => int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4,8})>")]
    private static partial Regex Range();

    [GeneratedRegex(@"(?m)^\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4,8})>\s*$")]
    private static partial Regex Char();
}
