using System.Security.Cryptography;
using System.Text;

namespace Sightline.Core.Performance;

/// <summary>What one file's import did. <see cref="Refused"/> set means nothing was written.</summary>
public sealed record ImportOutcome
{
    public required string FileName { get; init; }
    /// <summary>Why the whole file was refused (a bad header, no such file); null when it was imported.</summary>
    public string? Refused { get; init; }
    public Guid? RunId { get; init; }
    public int RowsRead { get; init; }
    /// <summary>Values added or changed.</summary>
    public int Imported { get; init; }
    /// <summary>Values already stored with the same figure (not rewritten).</summary>
    public int Unchanged { get; init; }
    public int RowsRejected { get; init; }
    /// <summary>Other rows deliberately left out (areas that are not ours), counted.</summary>
    public int RowsIgnored { get; init; }
    /// <summary>Rows without a location (police.uk: blank LSOA), counted under the area "No location".</summary>
    public int RowsWithoutLocation { get; init; }
    /// <summary>Files of a set refused whole (a bad header); the rest of the set was imported.</summary>
    public int FilesRefused { get; init; }
    /// <summary>Every problem found, with its line: rejected rows and skipped columns.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
    /// <summary>Notes worth reading: new areas added, assumptions made.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool Succeeded => Refused is null;

    public static ImportOutcome Refuse(string fileName, string reason) => new() { FileName = fileName, Refused = reason };

    /// <summary>The summary printed and stored with the run: counts, then the first 20 problems.</summary>
    public string Describe()
    {
        if (Refused is not null) return $"{FileName}: refused, nothing imported. {Refused}";
        var text = new StringBuilder();
        text.Append($"{FileName}: {RowsRead:N0} rows read; {Imported:N0} values imported or changed, {Unchanged:N0} unchanged; {RowsRejected:N0} rows rejected");
        if (RowsIgnored > 0) text.Append($"; {RowsIgnored:N0} rows for other areas ignored");
        if (RowsWithoutLocation > 0) text.Append($"; {RowsWithoutLocation:N0} rows without a location (counted under \"No location\")");
        if (FilesRefused > 0) text.Append($"; {FilesRefused:N0} file(s) refused");
        text.Append('.');
        foreach (var note in Notes) text.Append('\n').Append("  note: ").Append(note);
        foreach (var problem in Problems.Take(20)) text.Append('\n').Append("  rejected: ").Append(problem);
        if (Problems.Count > 20) text.Append('\n').Append($"  … and {Problems.Count - 20:N0} more problems");
        return text.ToString();
    }

    internal static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

/// <summary>A file with a header that makes it unreadable as a whole: nothing from it is imported.</summary>
internal sealed class BadHeaderException(string message) : Exception(message);
