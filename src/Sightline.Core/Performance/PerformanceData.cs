namespace Sightline.Core.Performance;

/// <summary>Whether an area is one of the 32 London boroughs (ranked against each other) or anything else.</summary>
public enum AreaKind
{
    LondonBorough,
    /// <summary>Not a borough: the airports and "Unknown" rows of the MPS files, areas outside London, names the files bring in.</summary>
    Other,
}

/// <summary>A place figures are kept for: a London borough, or another area (kept out of borough ranks).</summary>
public class Area
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The name as the Metropolitan Police files spell it (unique).</summary>
    public required string Name { get; set; }
    /// <summary>The ONS code (E09000003 for Barnet), when known.</summary>
    public string? Code { get; set; }
    public AreaKind Kind { get; set; }
}

/// <summary>A peer group of areas ("london": the 32 boroughs; "barnet-msg": Barnet's most similar group).</summary>
public class AreaGroup
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Key { get; set; }
    public required string Name { get; set; }
    public List<AreaGroupMember> Members { get; set; } = [];
}

public class AreaGroupMember
{
    public Guid GroupId { get; set; }
    public Guid AreaId { get; set; }
    public Area? Area { get; set; }
}

/// <summary>Mid-year population of an area: one row per single year of age (90 = 90 and over) and one with <see cref="Age"/> null for all ages.</summary>
public class PopulationEstimate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public int Year { get; set; }
    /// <summary>Single year of age; 90 stands for 90 and over; null for all ages together.</summary>
    public int? Age { get; set; }
    public int Count { get; set; }
}

/// <summary>Number of households in an area in a year (the rate base of residential burglary).</summary>
public class HouseholdEstimate
{
    public Guid AreaId { get; set; }
    public int Year { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// A recorded-crime count for one area, month and category, as a source published it
/// (aggregate figures: no personal data, so not audited row by row; each import run is).
/// </summary>
public class CrimeCount
{
    /// <summary>Where it came from, e.g. "mps-borough".</summary>
    public required string Source { get; set; }
    public Guid AreaId { get; set; }
    /// <summary>The month as yyyymm, e.g. 201604.</summary>
    public int Month { get; set; }
    /// <summary>The major category (MPS MajorText, e.g. "ROBBERY").</summary>
    public required string Category { get; set; }
    /// <summary>The minor category (MPS MinorText, e.g. "ROBBERY OF PERSONAL PROPERTY").</summary>
    public required string Subcategory { get; set; }
    public int Count { get; set; }
    /// <summary>The import run that added or last changed this figure; null for figures imported before runs were traced.</summary>
    public Guid? ImportRunId { get; set; }
}

/// <summary>
/// A police.uk street-level count for one LSOA, month and crime type (for hotspot lists); the LSOA's
/// area is its name without the last word ("Barnet 001A" → Barnet). Aggregate figures: not audited row by row.
/// </summary>
public class LsoaCrimeCount
{
    /// <summary>Where it came from: "police-uk".</summary>
    public required string Source { get; set; }
    /// <summary>The LSOA code, e.g. E01000115.</summary>
    public required string LsoaCode { get; set; }
    /// <summary>The LSOA name, e.g. "Barnet 001A".</summary>
    public required string LsoaName { get; set; }
    public Guid AreaId { get; set; }
    /// <summary>The month as yyyymm.</summary>
    public int Month { get; set; }
    /// <summary>The police.uk crime type, e.g. "Burglary".</summary>
    public required string CrimeType { get; set; }
    public int Count { get; set; }
    /// <summary>The import run that added or last changed this figure; null for figures imported before runs were traced.</summary>
    public Guid? ImportRunId { get; set; }
}

/// <summary>One import of one file: what it was (by SHA-256), when, and what it did.</summary>
public class ImportRun
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Source { get; set; }
    public required string FileName { get; set; }
    public required string FileSha256 { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public int RowsRead { get; set; }
    public int RowsImported { get; set; }
    public int RowsRejected { get; set; }
    public string? Summary { get; set; }
}

/// <summary>How long a partner measure's period is: a month, a calendar quarter or a financial year (April–March).</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    FinancialYear,
}

/// <summary>
/// A value partners return for a measure (repeat ASB calls, survey confidence, …) for one area and period, from
/// <c>./sightline import indicators</c>. Aggregate figures: not audited row by row; each import run is.
/// </summary>
public class IndicatorValue
{
    public Guid AreaId { get; set; }
    /// <summary>The partner indicator's key, e.g. "repeat-asb-calls" (see <see cref="PartnerIndicators"/>).</summary>
    public required string IndicatorKey { get; set; }
    public PeriodKind PeriodKind { get; set; }
    /// <summary>The period's first month as yyyymm (a quarter starts in Jan, Apr, Jul or Oct; a financial year in April).</summary>
    public int PeriodStart { get; set; }
    public decimal Value { get; set; }
    /// <summary>The import run that added or last changed this value.</summary>
    public Guid? ImportRunId { get; set; }
}
