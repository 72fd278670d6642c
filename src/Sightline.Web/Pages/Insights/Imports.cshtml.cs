using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Insights;

/// <summary>
/// Importing a performance file in the page (analysts only; see <c>Policies.PerformanceImports</c>): the analyst chooses
/// the kind and uploads a CSV, which is saved to a temporary folder under its own (cleaned) name, imported by the same
/// importer as <c>./sightline import</c>, and deleted. The page shows what the import did and the recent import runs.
/// A missing, empty, oversized or non-CSV file, or one the importer refuses whole, is an error on the form.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RejectOversizedRequest(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ImportsModel(PerformanceImports imports, SightlineDb db) : SightlinePage
{
    public const long MaxFileBytes = 100L * 1024 * 1024;
    // Room for the form's other fields, so that a file just over the limit reaches the page and gets a clear error.
    private const long MaxRequestBytes = MaxFileBytes + 1024 * 1024;
    public const int RecentRuns = 10;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Year { get; set; }
    public ImportOutcome? Outcome { get; private set; }
    public ImportKind? Imported { get; private set; }
    public List<ImportRun> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Runs = await RecentRunsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var kind = ImportKinds.Find(Kind);
        if (kind is null) ModelState.AddModelError("kind", "Choose what kind of file this is");
        int? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200) year = y;
            else ModelState.AddModelError("year", "Enter the year as 4 digits, for example 2019, or leave it blank");
        }
        var fileError = await FileErrorAsync(file, cancellationToken);
        if (fileError is not null) ModelState.AddModelError("file", fileError);

        if (ModelState.ErrorCount == 0)
        {
            var folder = Directory.CreateTempSubdirectory("sightline-import-");
            try
            {
                var path = Path.Combine(folder.FullName, SafeFileName(file!.FileName));
                await using (var saved = System.IO.File.Create(path)) await file.CopyToAsync(saved, cancellationToken);
                var outcome = await kind!.Import(imports, path, year, cancellationToken);
                if (!outcome.Succeeded) ModelState.AddModelError("file", $"The file was not imported: {outcome.Refused}");
                else if (outcome.FilesRefused > 0) ModelState.AddModelError("file", $"The file was not imported: {string.Join("; ", outcome.Problems.Take(3))}");
                else
                {
                    Outcome = outcome;
                    Imported = kind;
                }
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }
        Runs = await RecentRunsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Why the upload cannot be imported, or null: none, empty, too big, not named .csv, or not text.</summary>
    private static async Task<string?> FileErrorAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null) return "Select a CSV file to import";
        if (file.Length == 0) return "The selected file is empty";
        if (file.Length > MaxFileBytes) return $"The selected file must be smaller than {MaxFileBytes / (1024 * 1024)} MB";
        if (!string.Equals(Path.GetExtension(file.FileName), ".csv", StringComparison.OrdinalIgnoreCase)) return "The selected file must be a CSV";
        // A spreadsheet or PDF renamed .csv: text files have no NUL bytes.
        var start = new byte[Math.Min(4096, file.Length)];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
        return start.AsSpan(0, read).Contains((byte)0) ? "The selected file must be a CSV (this one is not text)" : null;
    }

    /// <summary>The upload's own name (kept: the import run records it, and the population import reads a year from it), reduced to safe characters.</summary>
    public static string SafeFileName(string name)
    {
        var cleaned = new string(Path.GetFileName(name).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        return cleaned.Length == 0 ? "upload.csv" : cleaned;
    }

    private Task<List<ImportRun>> RecentRunsAsync(CancellationToken cancellationToken) =>
        db.ImportRuns.AsNoTracking().OrderByDescending(r => r.FinishedAt).Take(RecentRuns).ToListAsync(cancellationToken);

    public static string KindName(string source) => ImportKinds.Find(source)?.Name ?? source;
}
