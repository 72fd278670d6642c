using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.Dashboard;
using Sightline.Core.Performance;
using Sightline.Web.Auth;

namespace Sightline.Web.Api;

/// <summary>
/// The performance dashboard and the strategic assessment under <c>/api/v1</c>: aggregate crime figures
/// only (no personal data), for analysts and managers. The figures come from <see cref="DashboardQueries"/>;
/// percentages are numbers rounded to one decimal, a missing figure is null.
/// </summary>
public static class DashboardApi
{
    private const int MaxYears = 20;

    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
                .RequireRole(Roles.Analyst, Roles.TeamManager, Roles.SeniorManager))
            .WithTags("Performance");
        api.MapGet("/dashboard", DashboardAsync).WithName("PerformanceDashboard")
            .WithSummary("An area's crime indicators for a month (default: the latest month with 24 complete months): recent quarter, rolling 12, rate, London and similar-group ranks, the last 3 months with exceptions, RAG with its factors")
            .Produces<DashboardResponse>().ProducesValidationProblem().ProducesProblem(404);
        api.MapGet("/strategic-assessment", StrategicAsync).WithName("StrategicAssessment")
            .WithSummary("An area's volumes by financial year (years=2011,2015,2016 or 2016/17) with the latest year's change against one and five years before")
            .Produces<StrategicResponse>().ProducesValidationProblem().ProducesProblem(404);
    }

    private static IResult UnknownArea(string area) =>
        Results.Problem(statusCode: 404, title: $"There is no area '{area}'", detail: "Use an area name as the Metropolitan Police files spell it, e.g. Barnet.");

    private static async Task<IResult> DashboardAsync(DashboardQueries queries, [FromQuery(Name = "area")] string? area,
        [FromQuery(Name = "month")] string? month, [FromQuery(Name = "group")] string? group, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(area)) errors.Add("area", "area is required: an area name, e.g. Barnet");
        if (!string.IsNullOrWhiteSpace(group) && !await queries.GroupExistsAsync(group.Trim().ToLowerInvariant(), cancellationToken))
            errors.Add("group", $"group must be the key of an area group, e.g. london or barnet-msg ('{group.Trim()}' is not one)");
        YearMonth? chosen = null;
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (YearMonth.TryParse(month, out var parsed) && parsed.Year is >= 1900 and <= 2999) chosen = parsed;
            else errors.Add("month", "month must be a month in the form YYYY-MM, e.g. 2017-08");
        }
        if (errors.Any) return ApiProblems.Validation(errors);
        var dashboard = await queries.BuildAsync(area!, chosen, group, cancellationToken);
        return dashboard is null ? UnknownArea(area!.Trim()) : Results.Ok(DashboardResponse.From(dashboard));
    }

    private static async Task<IResult> StrategicAsync(DashboardQueries queries, [FromQuery(Name = "area")] string? area,
        [FromQuery(Name = "years")] string? years, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(area)) errors.Add("area", "area is required: an area name, e.g. Barnet");
        var chosen = new List<int>();
        var parts = (years ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) errors.Add("years", "years is required: financial years by their start year or as 2016/17, separated by commas, e.g. 2011,2015,2016");
        else if (parts.Length > MaxYears) errors.Add("years", $"years may list at most {MaxYears} financial years");
        else
        {
            foreach (var part in parts)
            {
                if (FinancialYear.TryParse(part, out var year) && year.StartYear is >= 1900 and <= 2999) chosen.Add(year.StartYear);
                else
                {
                    errors.Add("years", $"years must be financial years such as 2016 or 2016/17, separated by commas ('{part}' is not one)");
                    break;
                }
            }
        }
        if (errors.Any) return ApiProblems.Validation(errors);
        var table = await queries.StrategicAsync(area!, chosen, cancellationToken);
        return table is null ? UnknownArea(area!.Trim()) : Results.Ok(StrategicResponse.From(table));
    }
}

// ---- Responses ----

public sealed record ChangeResponse(long? Volume, long? PreviousVolume, double? ChangePercent)
{
    public static ChangeResponse From(PeriodComparison c) => new(c.Volume, c.PreviousVolume, c.ChangePercent);
}

public sealed record RankResponse(int Rank, int Of, bool Tied)
{
    public static RankResponse? From(Rank? rank) => rank is { } r ? new RankResponse(r.Position, r.Of, r.Tied) : null;
}

public sealed record ExpectedResponse(double Lower, double Upper);

public sealed record MonthResponse(string Month, long? Count, ExpectedResponse? Expected, string Exception)
{
    public static MonthResponse From(MonthlyException e) => new(e.Month.ToString(), e.Count,
        e.Expected is { } x ? new ExpectedResponse(Math.Round(x.Lower, 1, MidpointRounding.AwayFromZero), Math.Round(x.Upper, 1, MidpointRounding.AwayFromZero)) : null,
        e.Kind.ToString());
}

public sealed record DashboardIndicatorResponse(
    string Key,
    string Name,
    ChangeResponse RecentQuarter,
    ChangeResponse Rolling12,
    double? RatePer1000,
    string RateBase,
    int? DenominatorYear,
    RankResponse? LondonRank,
    RankResponse? SimilarGroupRank,
    IReadOnlyList<MonthResponse> LastMonths,
    IReadOnlyList<MonthResponse> Exceptions,
    string? Rag,
    IReadOnlyList<string> Factors,
    string Source,
    string SourceName,
    IReadOnlyList<RankPointResponse> RankHistory)
{
    public static DashboardIndicatorResponse From(DashboardIndicator line)
    {
        var months = line.LastMonths.Select(MonthResponse.From).ToList();
        return new(
            line.Indicator.Key,
            line.Indicator.Name,
            ChangeResponse.From(line.RecentQuarter),
            ChangeResponse.From(line.Rolling12),
            line.Rate.Value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null,
            line.Rate.Base == Core.Dashboard.RateBase.PerThousandHouseholds ? "per 1,000 households" : "per 1,000 population",
            line.Rate.DenominatorYear,
            RankResponse.From(line.LondonRank),
            RankResponse.From(line.SimilarGroupRank),
            months,
            months.Where(m => m.Exception is nameof(ExceptionKind.High) or nameof(ExceptionKind.Low)).ToList(),
            line.Rag.Rating?.ToString(),
            line.Rag.Factors.Select(f => f.Text).ToList(),
            line.Source,
            Indicators.SourceName(line.Source),
            line.RankHistory.Select(p => new RankPointResponse(p.Month.ToString(), RankResponse.From(p.London), RankResponse.From(p.SimilarGroup))).ToList());
    }
}

/// <summary>The London and similar group rank of the rolling 12 months rate at the end of one month (the rank chart).</summary>
public sealed record RankPointResponse(string Month, RankResponse? LondonRank, RankResponse? SimilarGroupRank);

public sealed record DashboardResponse(string Area, string? Month, int? PopulationYear, string? SimilarGroup, IReadOnlyList<DashboardIndicatorResponse> Indicators, string? SimilarGroupKey)
{
    public static DashboardResponse From(PerformanceDashboard d) =>
        new(d.Area.Name, d.Month?.ToString(), d.PopulationYear, d.SimilarGroup, d.Indicators.Select(DashboardIndicatorResponse.From).ToList(), d.SimilarGroupKey);
}

public sealed record StrategicRowResponse(string Key, string Name, IReadOnlyDictionary<string, long?> Volumes, double? ChangeVsOneYear, double? ChangeVsFiveYears);

public sealed record StrategicResponse(string Area, IReadOnlyList<string> Years, IReadOnlyList<StrategicRowResponse> Rows)
{
    public static StrategicResponse From(StrategicTable t) => new(
        t.Area.Name,
        t.Years.Select(y => y.Label).ToList(),
        t.Rows.Select(r => new StrategicRowResponse(r.Indicator.Key, r.Indicator.Name,
            r.Row.Volumes.ToDictionary(v => v.Year.Label, v => v.Volume), r.Row.ChangeVsOneYear, r.Row.ChangeVsFiveYears)).ToList());
}
