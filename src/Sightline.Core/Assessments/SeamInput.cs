namespace Sightline.Core.Assessments;

public sealed record SeamScoreInput(int? Score, string? Evidence);

/// <summary>What a practitioner enters on a SEAM form. Field keys match the API: <c>version</c>, <c>scores.{domain}.score</c>, <c>scores.{domain}.evidence</c>, …</summary>
public sealed record SeamInput(
    string? Version,
    IReadOnlyDictionary<string, SeamScoreInput> Scores,
    RiskLevel? YoungPersonPerception = null,
    string? YoungPersonView = null,
    DateOnly? AssessedOn = null,
    Guid? SafeguardScreenId = null)
{
    public const int MaxText = 4000;

    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        var form = SeamForms.Find(Version);
        if (string.IsNullOrWhiteSpace(Version)) errors.Add("version", $"version is required: one of {string.Join(", ", SeamForms.All.Select(f => f.Version))}");
        else if (form is null) errors.Add("version", $"There is no SEAM form version ‘{Short(Version)}’: use {string.Join(" or ", SeamForms.All.Select(f => f.Version))}");
        if (AssessedOn is { } on && on > today) errors.Add("assessedOn", "The date of the assessment must be today or in the past");
        if (YoungPersonView?.Length > MaxText) errors.Add("youngPersonView", $"The young person’s view must be {MaxText:N0} characters or fewer");
        if (form is null) return errors;

        foreach (var key in Scores.Keys.Where(k => form.Domain(k) is null))
            errors.Add($"scores.{Short(key)}", $"‘{Short(key)}’ is not a domain of the {form.Version} form: use {string.Join(", ", form.Domains.Select(d => d.Key))}");
        foreach (var domain in form.Domains)
        {
            if (!Scores.TryGetValue(domain.Key, out var entry) || entry.Score is null)
            {
                errors.Add($"scores.{domain.Key}.score", $"Select a score for {domain.Title.ToLowerInvariant()}");
                continue;
            }
            if (entry.Score is < 0 or > SeamForm.MaxDomainScore)
                errors.Add($"scores.{domain.Key}.score", $"The score for {domain.Title.ToLowerInvariant()} must be between 0 and {SeamForm.MaxDomainScore}");
            else if (entry.Score > 0 && string.IsNullOrWhiteSpace(entry.Evidence))
                errors.Add($"scores.{domain.Key}.evidence", $"Enter the evidence for the score of {entry.Score} for {domain.Title.ToLowerInvariant()}");
            if (entry.Evidence?.Length > MaxText)
                errors.Add($"scores.{domain.Key}.evidence", $"The evidence for {domain.Title.ToLowerInvariant()} must be {MaxText:N0} characters or fewer");
        }
        return errors;
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

public sealed record ApprovalInput(RiskLevel? JudgementLevel = null, string? JudgementReason = null);
