namespace Sightline.Core.Performance;

/// <summary>Where one field lies in the file's bytes; <see cref="Escaped"/> when it was quoted with doubled quotes inside.</summary>
internal readonly record struct CsvByteField(int Start, int Length, bool Escaped);

/// <summary>
/// Splits RFC 4180 CSV held as UTF-8 bytes into records without making strings: fields end at a comma
/// and records at CRLF, LF or a lone CR; a field starting with a quote runs to its closing quote, with
/// doubled quotes and line breaks inside. The quoting rules are CsvHelper's, so a row is "badly quoted"
/// exactly when the stream importers (<see cref="CsvImportFile"/>) say so: a quote inside an unquoted
/// field, anything but a comma or line end after a closing quote, or a quote left open at the end.
/// Empty lines are skipped. Record numbers count every record (an empty line too) from 1, the header included, as CsvHelper's
/// <c>Row</c> does, so the line numbers in rejects are the same.
/// </summary>
internal ref struct CsvByteSplitter(ReadOnlySpan<byte> data)
{
    private const byte Comma = (byte)',', Quote = (byte)'"', Cr = (byte)'\r', Lf = (byte)'\n';
    private readonly ReadOnlySpan<byte> _data = data;
    private int _at;

    /// <summary>The number of the record last read (1 = the first).</summary>
    public long Record { get; private set; }

    /// <summary>The next record's fields into <paramref name="fields"/> (grown when needed); false at the end.</summary>
    public bool Next(ref CsvByteField[] fields, out int count, out bool badlyQuoted)
    {
        count = 0;
        badlyQuoted = false;
        Record++;
        while (_at < _data.Length && _data[_at] is Cr or Lf)
        {
            // An empty line is no record, but it has its number.
            if (_data[_at] == Cr && _at + 1 < _data.Length && _data[_at + 1] == Lf) _at++;
            _at++;
            Record++;
        }
        if (_at >= _data.Length) return false;
        while (true)
        {
            if (count == fields.Length) Array.Resize(ref fields, fields.Length * 2);
            var start = _at;
            var escaped = false;
            int end;
            if (_at < _data.Length && _data[_at] == Quote)
            {
                // Quoted: find the closing quote, stepping over doubled ones.
                var closed = false;
                _at++;
                while (_at < _data.Length)
                {
                    var next = _data[_at..].IndexOf(Quote);
                    if (next < 0) { _at = _data.Length; break; }
                    _at += next + 1;
                    if (_at < _data.Length && _data[_at] == Quote) { escaped = true; _at++; continue; }
                    closed = true;
                    break;
                }
                end = _at;
                if (!closed) badlyQuoted = true;
                else if (_at < _data.Length && _data[_at] is not (Comma or Cr or Lf))
                {
                    // Text after the closing quote: bad, and the field runs on to the next comma or line end.
                    badlyQuoted = true;
                    end = SkipUnquoted(ref badlyQuoted);
                }
            }
            else end = SkipUnquoted(ref badlyQuoted);
            fields[count++] = new CsvByteField(start, end - start, escaped);

            if (_at >= _data.Length) return true;
            var separator = _data[_at++];
            if (separator == Comma) continue;
            if (separator == Cr && _at < _data.Length && _data[_at] == Lf) _at++;
            return true;
        }
    }

    /// <summary>Moves to the next comma or line end; a quote on the way is bad quoting.</summary>
    private int SkipUnquoted(ref bool badlyQuoted)
    {
        var rest = _data[_at..];
        var stop = rest.IndexOfAny((byte)',', (byte)'\r', (byte)'\n');
        if (stop < 0) stop = rest.Length;
        if (rest[..stop].Contains(Quote)) badlyQuoted = true;
        _at += stop;
        return _at;
    }

    /// <summary>A field's value bytes: without its quotes, doubled quotes made single (into <paramref name="scratch"/> when needed).</summary>
    public static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> data, CsvByteField field, Span<byte> scratch)
    {
        var raw = data.Slice(field.Start, field.Length);
        if (raw.Length < 2 || raw[0] != Quote || raw[^1] != Quote) return raw;
        raw = raw[1..^1];
        if (!field.Escaped) return raw;
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            scratch[length++] = raw[i];
            if (raw[i] == Quote) i++; // the second of a doubled quote
        }
        return scratch[..length];
    }
}
