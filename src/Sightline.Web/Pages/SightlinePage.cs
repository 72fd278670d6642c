using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Web.Auth;

namespace Sightline.Web.Pages;

/// <summary>Base for our pages: the acting user, and core validation errors copied into ModelState.</summary>
public abstract class SightlinePage : PageModel
{
    public CurrentUser Me => User.ToCurrentUser() ?? throw new InvalidOperationException("No signed-in user.");

    protected void AddErrors(ValidationErrors errors)
    {
        foreach (var (field, message) in errors.All) ModelState.AddModelError(field, message);
    }

    /// <summary>A failed command's answer: 404 when the record is out of reach, or the form again with its errors. Null on success.</summary>
    protected IActionResult? FailureOf<T>(Outcome<T> outcome)
    {
        if (outcome.NotFound) return NotFound();
        if (outcome.Errors is null) return null;
        AddErrors(outcome.Errors);
        return Page();
    }

    /// <summary>
    /// After a command posted from a page that shows its errors in place: on success, redirect; out of
    /// reach, 404; otherwise the page again (reloaded) with the field errors or the refusal in words.
    /// </summary>
    protected async Task<IActionResult> AfterCommandAsync<T>(Outcome<T> outcome, string redirectTo, Func<Task<bool>> reload)
    {
        if (outcome.Succeeded) return Redirect(redirectTo);
        if (outcome.NotFound) return NotFound();
        if (outcome.Errors is { } errors) MergeErrors(errors);
        if (outcome.Refusal is { } refusal) ModelState.AddModelError("", refusal);
        return await reload() ? Page() : NotFound();
    }

    /// <summary>Adds core errors only for fields that do not already show one (e.g. an unreadable date).</summary>
    protected void MergeErrors(ValidationErrors errors)
    {
        foreach (var (field, message) in errors.All)
            if (!ModelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0) ModelState.AddModelError(field, message);
    }

    /// <summary>Parses a GOV.UK date input, adding a field error when it is incomplete or impossible.</summary>
    protected DateOnly? ReadDate(string field, DateParts parts, string label, bool required = true)
    {
        if (parts.IsEmpty)
        {
            if (required) ModelState.AddModelError(field, $"Enter {label}");
            return null;
        }
        if (parts.TryGetDate(out var date)) return date;
        ModelState.AddModelError(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be a real date, like 27 3 2010");
        return null;
    }
}

/// <summary>The three boxes of a GOV.UK date input, bound as <c>name.Day</c>, <c>name.Month</c>, <c>name.Year</c>.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public bool TryGetDate(out DateOnly date)
    {
        date = default;
        return int.TryParse(Day, out var d) && int.TryParse(Month, out var m) && int.TryParse(Year, out var y)
               && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
               && (date = new DateOnly(y, m, d)) == date;
    }

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(), Month = d.Month.ToString(), Year = d.Year.ToString() }
        : new DateParts();
}
