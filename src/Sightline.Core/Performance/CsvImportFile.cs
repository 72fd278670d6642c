using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;

namespace Sightline.Core.Performance;

/// <summary>
/// What an import has read so far: rows, rejected rows with their reasons, notes, and the progress
/// reported every <c>progressEvery</c> rows. Shared by every file of an import (police.uk reads many).
/// </summary>
internal sealed class ImportTally(IProgress<int>? progress, int progressEvery)
{
    public int RowsRead { get; private set; }
    public int RowsRejected { get; private set; }
    public List<string> Problems { get; } = [];
    public List<string> Notes { get; } = [];

    public void CountRow()
    {
        RowsRead++;
        if (RowsRead % progressEvery == 0) progress?.Report(RowsRead);
    }

    /// <summary>Rows read elsewhere (a file read on its own), with the progress every row-by-row count would have reported.</summary>
    public void CountRows(int rows)
    {
        var before = RowsRead;
        RowsRead += rows;
        for (var at = (before / progressEvery + 1) * progressEvery; at <= RowsRead; at += progressEvery) progress?.Report(at);
    }

    /// <summary>A row left out, with where it was ("line 12" or "file.csv line 12") and why.</summary>
    public void Reject(string where, string reason)
    {
        RowsRejected++;
        Problems.Add($"{where}: {reason}");
    }

    public void Finish() => progress?.Report(RowsRead);
}

/// <summary>One data row of a CSV file: its fields, its line, and what is wrong with its shape (null when nothing).</summary>
internal readonly record struct CsvImportRow(string[] Fields, long Line, string? Problem)
{
    /// <summary>The field trimmed of surrounding spaces.</summary>
    public string this[int index] => Fields[index].Trim();
}

/// <summary>
/// A CSV file read as a stream, for the imports: the header (trimmed, without a byte-order mark), then
/// every non-blank row with its line number and a shape check (badly quoted, truncated, too many fields),
/// so every importer rejects the same broken rows with the same words.
/// </summary>
internal sealed class CsvImportFile : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvParser _parser;
    private readonly bool _extraFieldsAllowed;
    private bool _badData;

    public string[] Header { get; private set; } = [];

    private CsvImportFile(string path, bool extraFieldsAllowed)
    {
        _extraFieldsAllowed = extraFieldsAllowed;
        _reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        // CacheFields: a value seen before (months, crime types, LSOA names) comes back as the same string
        // instance, not a new one per row. Every field is still read (Record), because CsvHelper only
        // notices a badly quoted field when it reads that field.
        _parser = new CsvParser(_reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = _ => _badData = true, CacheFields = true });
    }

    /// <summary>The file opened and its header read; null (and closed) when the file is empty. With
    /// <paramref name="extraFieldsAllowed"/>, a row longer than the header is not a problem (files with trailing columns).</summary>
    public static async Task<CsvImportFile?> OpenAsync(string path, bool extraFieldsAllowed = false)
    {
        var file = new CsvImportFile(path, extraFieldsAllowed);
        if (!await file._parser.ReadAsync())
        {
            file.Dispose();
            return null;
        }
        file.Header = file._parser.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        return file;
    }

    /// <summary>The index of the first header matching any of the names (case-insensitive), or -1.</summary>
    public int Column(params string[] names) =>
        Array.FindIndex(Header, h => names.Contains(h, StringComparer.OrdinalIgnoreCase));

    /// <summary>The header's first few names, for saying what a refused file starts with.</summary>
    public string HeaderStart => string.Join(",", Header.Take(5));

    /// <summary>Every non-blank data row, each counted in <paramref name="tally"/>.</summary>
    public async IAsyncEnumerable<CsvImportRow> RowsAsync(ImportTally tally, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _parser.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = _parser.Record!;
            if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]) && !_badData) continue; // a blank line
            tally.CountRow();
            string? problem = null;
            if (_badData) problem = "a badly quoted field";
            else if (record.Length < Header.Length) problem = $"truncated: {record.Length} of {Header.Length} fields";
            else if (record.Length > Header.Length && !_extraFieldsAllowed) problem = $"{record.Length} fields where the header has {Header.Length}";
            _badData = false;
            yield return new CsvImportRow(record, _parser.Row, problem);
        }
    }

    public void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
    }
}
