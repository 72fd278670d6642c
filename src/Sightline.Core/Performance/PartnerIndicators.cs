using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sightline.Core.Dashboard;

namespace Sightline.Core.Performance;

/// <summary>What a partner measure counts in: a number of things, a percentage (0–100) or a rate. None can be negative.</summary>
public enum MeasureUnit
{
    Count,
    Percent,
    Rate,
}

/// <summary>A measure partners return (quarterly, usually) as configuration: key, name, polarity and unit.</summary>
public sealed record PartnerIndicator(string Key, string Name, Polarity Polarity, MeasureUnit Unit);

/// <summary>
/// The partner measures <c>./sightline import indicators</c> accepts: the shipped ones, plus any configured as
/// <c>Indicators:Partner:&lt;key&gt;:Name</c>, <c>:Polarity</c> (LowerIsBetter or HigherIsBetter) and <c>:Unit</c>
/// (Count, Percent or Rate). A configured key replaces a shipped one of the same key.
/// </summary>
public sealed class PartnerIndicators
{
    public static readonly IReadOnlyList<PartnerIndicator> Shipped =
    [
        new("repeat-asb-calls", "Repeat anti-social behaviour calls", Polarity.LowerIsBetter, MeasureUnit.Count),
        new("survey-confidence", "Confidence in local policing (survey)", Polarity.HigherIsBetter, MeasureUnit.Percent),
        new("reoffending-rate", "Proven re-offending rate", Polarity.LowerIsBetter, MeasureUnit.Percent),
        new("first-time-entrants", "First-time entrants to the youth justice system", Polarity.LowerIsBetter, MeasureUnit.Count),
    ];

    public static PartnerIndicators Default { get; } = new([]);

    public IReadOnlyList<PartnerIndicator> All { get; }

    public PartnerIndicators(IEnumerable<PartnerIndicator> configured)
    {
        var byKey = Shipped.ToDictionary(i => i.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in configured) byKey[indicator.Key] = indicator;
        All = byKey.Values.OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
    }

    public PartnerIndicator? Find(string key) => All.FirstOrDefault(i => string.Equals(i.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The shipped measures and those under <paramref name="section"/> (Indicators:Partner); a bad entry stops start-up, saying which.</summary>
    public static PartnerIndicators FromConfiguration(IConfigurationSection section)
    {
        var configured = new List<PartnerIndicator>();
        foreach (var entry in section.GetChildren())
        {
            var key = entry.Key.Trim().ToLowerInvariant();
            if (key.Length is 0 or > 60 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                throw new InvalidOperationException($"Indicators:Partner:{entry.Key}: a key is up to 60 letters, digits and hyphens.");
            var name = entry["Name"];
            if (string.IsNullOrWhiteSpace(name)) throw new InvalidOperationException($"Indicators:Partner:{entry.Key}:Name is missing.");
            if (!Enum.TryParse<Polarity>(entry["Polarity"], ignoreCase: true, out var polarity) || !Enum.IsDefined(polarity))
                throw new InvalidOperationException($"Indicators:Partner:{entry.Key}:Polarity must be LowerIsBetter or HigherIsBetter.");
            if (!Enum.TryParse<MeasureUnit>(entry["Unit"] ?? nameof(MeasureUnit.Count), ignoreCase: true, out var unit) || !Enum.IsDefined(unit))
                throw new InvalidOperationException($"Indicators:Partner:{entry.Key}:Unit must be Count, Percent or Rate.");
            configured.Add(new PartnerIndicator(key, name.Trim(), polarity, unit));
        }
        return new PartnerIndicators(configured);
    }
}

/// <summary>A partner measure's period: a month (2017-08), a calendar quarter (2017-Q3) or a financial year (2017/18).</summary>
public readonly record struct PartnerPeriod(PeriodKind Kind, YearMonth Start)
{
    public int Months => Kind switch { PeriodKind.Month => 1, PeriodKind.Quarter => 3, _ => 12 };

    public YearMonth End => Start.AddMonths(Months - 1);

    /// <summary>The same period a year before.</summary>
    public PartnerPeriod YearBefore => this with { Start = Start.AddMonths(-12) };

    public override string ToString() => Kind switch
    {
        PeriodKind.Month => Start.ToString(),
        PeriodKind.Quarter => $"{Start.Year}-Q{(Start.Month - 1) / 3 + 1}",
        _ => Start.FinancialYear.Label,
    };

    public static PartnerPeriod FromStored(PeriodKind kind, int yyyymm) => new(kind, YearMonth.FromYyyyMm(yyyymm));

    public const string Formats = "YYYY-MM (a month), YYYY-Qn (a calendar quarter) or YYYY/YY (a financial year, April to March)";

    public static bool TryParse(string text, out PartnerPeriod period)
    {
        period = default;
        text = text.Trim();
        if (text.Length == 7 && text[4] == '-' && (text[5] is 'Q' or 'q') && YearOf(text[..4]) is { } qYear && text[6] is >= '1' and <= '4')
        {
            period = new(PeriodKind.Quarter, new YearMonth(qYear, (text[6] - '1') * 3 + 1));
            return true;
        }
        if (text.Length == 7 && text[4] == '/' && YearOf(text[..4]) is { } fYear
            && int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var next) && next == (fYear + 1) % 100)
        {
            period = new(PeriodKind.FinancialYear, new YearMonth(fYear, 4));
            return true;
        }
        if (text.Length == 7 && text[4] == '-' && YearOf(text[..4]) is { } mYear
            && int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = new(PeriodKind.Month, new YearMonth(mYear, month));
            return true;
        }
        return false;
    }

    private static int? YearOf(string text) =>
        text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var year and >= 1900 and <= 2200 ? year : null;
}
