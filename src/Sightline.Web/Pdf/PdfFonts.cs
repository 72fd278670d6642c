using System.Collections.Concurrent;
using PdfSharp;
using PdfSharp.Fonts;

namespace Sightline.Web.Pdf;

/// <summary>
/// The fonts our PDFs embed: DejaVu Sans and DejaVu Sans Bold, copied from npm
/// (<c>dejavu-fonts-ttf</c>) to <c>fonts/</c> beside the app at build time. Every family a
/// document asks for resolves to them, so no export depends on what fonts a server has.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly PdfFonts Instance = new(Path.Combine(AppContext.BaseDirectory, "fonts"));
    private static readonly Lock Gate = new();
    private static bool _ready;

    private readonly string _folder;
    private readonly ConcurrentDictionary<string, byte[]> _faces = new();

    private PdfFonts(string folder) => _folder = folder;

    /// <summary>
    /// Sets PDFsharp up once per process: our font resolver (PDFsharp allows one, set before any
    /// font is used) and its licence. PDFsharp 6.5 is dual-licensed, AGPL-3.0 or commercial, and
    /// refuses to run until one is chosen: see the note on PDFsharp in Directory.Packages.props.
    /// </summary>
    public static void EnsureReady()
    {
        if (Volatile.Read(ref _ready)) return;
        lock (Gate)
        {
            if (_ready) return;
            PdfSharpLicense.SetAgplLicense();
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = Instance;
            Volatile.Write(ref _ready, true);
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // DejaVu Sans has an oblique face, but we embed only two: italic is simulated if ever asked for.
        new(bold ? Bold : Regular, false, italic);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, face =>
    {
        var path = Path.Combine(_folder, face + ".ttf");
        if (!File.Exists(path))
            throw new FileNotFoundException($"The PDF font {face}.ttf is missing from {_folder}: the build copies it from node_modules/dejavu-fonts-ttf (run npm ci in src/Sightline.Web).", path);
        return File.ReadAllBytes(path);
    });
}
