using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Sightline.Core.Performance;

/// <summary>
/// One police.uk street-level file read and checked on its own (so files can be read in parallel): its
/// SHA-256, its data rows, its rejected rows with their lines and reasons, and its good rows counted by
/// (LSOA code, LSOA name, month, crime type) in the order first seen, so that adding them up file by
/// file meets every LSOA and area in the same order as reading row by row. Refused (with the reason)
/// when empty or without the police.uk columns. The same rules and words as <see cref="CsvImportFile"/>.
/// </summary>
internal sealed class PoliceUkFileRead
{
    public required string Sha256 { get; init; }
    public string? Refusal { get; private init; }
    public int Rows { get; private set; }
    public List<(long Line, string Reason)> Rejects { get; } = [];
    public Dictionary<(string Code, string Name, int Month, string Type), int> Counts { get; } = new(SameInstances.Comparer);

    /// <summary>Keys compared by string instance: every value comes from one <see cref="Interned"/> table, so equal means same.</summary>
    private sealed class SameInstances : IEqualityComparer<(string Code, string Name, int Month, string Type)>
    {
        public static readonly SameInstances Comparer = new();
        public bool Equals((string Code, string Name, int Month, string Type) x, (string Code, string Name, int Month, string Type) y) =>
            ReferenceEquals(x.Code, y.Code) && ReferenceEquals(x.Name, y.Name) && x.Month == y.Month && ReferenceEquals(x.Type, y.Type);
        public int GetHashCode((string Code, string Name, int Month, string Type) key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Code), RuntimeHelpers.GetHashCode(key.Name), key.Month, RuntimeHelpers.GetHashCode(key.Type));
    }

    public static PoliceUkFileRead Read(string path, CancellationToken cancellationToken)
    {
        var bytes = File.ReadAllBytes(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var data = Utf8(bytes);
        var fileName = Path.GetFileName(path);
        var fields = new CsvByteField[16];
        var splitter = new CsvByteSplitter(data);
        if (!splitter.Next(ref fields, out var count, out _))
            return new PoliceUkFileRead { Sha256 = sha, Refusal = $"{fileName}: refused, the file is empty" };

        var strings = new Interned();
        var header = new string[count];
        for (var i = 0; i < count; i++) header[i] = strings.Of(data, fields[i]).TrimStart('\uFEFF');
        int Column(string name) => Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        var (monthAt, codeAt, nameAt, typeAt) = (Column("Month"), Column("LSOA code"), Column("LSOA name"), Column("Crime type"));
        if (monthAt < 0 || codeAt < 0 || nameAt < 0 || typeAt < 0 || Column("Falls within") < 0)
            return new PoliceUkFileRead
            {
                Sha256 = sha,
                Refusal = $"{fileName}: refused, not a police.uk street-level file: the header must have Month, Falls within, LSOA code, LSOA name and Crime type columns. It starts: {string.Join(",", header.Take(5))}",
            };

        var read = new PoliceUkFileRead { Sha256 = sha };
        while (splitter.Next(ref fields, out count, out var badlyQuoted))
        {
            if ((read.Rows & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (count == 1 && !badlyQuoted && strings.Of(data, fields[0]).Length == 0) continue; // a blank line
            read.Rows++;
            string? reason = null;
            if (badlyQuoted) reason = "a badly quoted field";
            else if (count < header.Length) reason = $"truncated: {count} of {header.Length} fields";
            else if (count > header.Length) reason = $"{count} fields where the header has {header.Length}";
            if (reason is not null)
            {
                read.Rejects.Add((splitter.Record, reason));
                continue;
            }
            var (monthText, crimeType, lsoaCode, lsoaName) =
                (strings.Of(data, fields[monthAt]), strings.Of(data, fields[typeAt]), strings.Of(data, fields[codeAt]), strings.Of(data, fields[nameAt]));
            if (!PerformanceImports.TryPoliceUkMonth(monthText, out var yyyymm)) reason = $"'{monthText}' is not a month (YYYY-MM)";
            else if (crimeType.Length == 0) reason = "no crime type";
            else if (crimeType.Length > 120 || lsoaName.Length > 120 || lsoaCode.Length > 16) reason = "a name or code too long";
            if (reason is not null) read.Rejects.Add((splitter.Record, reason));
            else CollectionsMarshal.GetValueRefOrAddDefault(read.Counts, (lsoaCode, lsoaName, yyyymm, crimeType), out _)++;
        }
        return read;
    }

    /// <summary>The file as UTF-8 without its byte-order mark; a UTF-16/32 file (marked) is converted first.</summary>
    private static ReadOnlySpan<byte> Utf8(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith("\uFEFF"u8)) return span[3..];
        if (span.StartsWith([(byte)0xFF, (byte)0xFE]) || span.StartsWith([(byte)0xFE, (byte)0xFF]))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return Encoding.UTF8.GetBytes(reader.ReadToEnd());
        }
        return span;
    }

    /// <summary>
    /// Field values as trimmed strings, one instance per distinct value: the bytes are decoded into a
    /// stack buffer and looked up by span, so a value seen before (months, crime types, LSOAs) costs no
    /// allocation.
    /// </summary>
    private sealed class Interned
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public string Of(ReadOnlySpan<byte> data, CsvByteField field)
        {
            Span<byte> scratch = field.Length <= 512 ? stackalloc byte[field.Length] : new byte[field.Length];
            var bytes = CsvByteSplitter.Value(data, field, scratch);
            if (bytes.Length > 512) return Encoding.UTF8.GetString(bytes).Trim(); // long values are rare: not kept
            Span<char> chars = stackalloc char[bytes.Length];
            var text = chars[..Encoding.UTF8.GetChars(bytes, chars)].Trim();
            var lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var value)) return value;
            value = text.ToString();
            _values[value] = value;
            return value;
        }
    }
}
