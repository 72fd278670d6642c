using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Sightline.Core.Performance;

namespace Sightline.Core.Tests;

/// <summary>
/// The police.uk byte splitter against CsvHelper (what every other import reads with): the same records,
/// the same field values, the same record numbers and the same rows flagged as badly quoted.
/// </summary>
public sealed class CsvByteSplitterTests
{
    [Theory]
    [InlineData("a,b\r\nc,d\n")]
    [InlineData("a,b\nc,d")]
    [InlineData("a,b\rc,d\r")]
    [InlineData(",,\n,x,\n")]
    [InlineData("\"x,y\",\"he said \"\"hi\"\"\",\"\"\n")]
    [InlineData("\"multi\r\nline\",z\nnext,1\n")]
    [InlineData("a,b\n\nc,d\n  \nlast,row")]
    [InlineData("é,Barnet 001A ,ü\n")]
    [InlineData("ab\"c,d\nx,y\n")]
    [InlineData("\"ab\"c,d\nx,y\n")]
    [InlineData("\"ab\" ,d\nx,y\n")]
    [InlineData("x,y\n\"open,d\nx,y")]
    [InlineData("x,\"\"\"\"\n")]
    public void Splits_as_CsvHelper_does(string csv)
    {
        Assert.Equal(CsvHelperRecords(csv), SplitterRecords(csv));
    }

    private static List<string> SplitterRecords(string csv)
    {
        var data = Encoding.UTF8.GetBytes(csv);
        var splitter = new CsvByteSplitter(data);
        var fields = new CsvByteField[1]; // grown as needed
        var records = new List<string>();
        while (splitter.Next(ref fields, out var count, out var bad))
        {
            var values = fields.Take(count).Select(f => Encoding.UTF8.GetString(CsvByteSplitter.Value(data, f, new byte[f.Length])));
            records.Add(Describe(splitter.Record, bad, values));
        }
        return records;
    }

    private static List<string> CsvHelperRecords(string csv)
    {
        var bad = false;
        using var parser = new CsvParser(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = _ => bad = true });
        var records = new List<string>();
        while (parser.Read())
        {
            var record = parser.Record!; // CsvHelper finds bad quoting as it makes the fields
            records.Add(Describe(parser.Row, bad, record));
            bad = false;
        }
        return records;
    }

    /// <summary>A record as text; a badly quoted one only by its number (its values do not matter: it is rejected).</summary>
    private static string Describe(long row, bool bad, IEnumerable<string> values) =>
        bad ? $"{row}: badly quoted" : $"{row}: [{string.Join("|", values)}]";
}
