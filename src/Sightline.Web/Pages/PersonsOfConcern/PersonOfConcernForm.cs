using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Network;
using Sightline.Core.People;

namespace Sightline.Web.Pages.PersonsOfConcern;

/// <summary>The add and change forms of a person of concern: the same fields, read the same way.</summary>
public abstract class PersonOfConcernForm : SightlinePage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Aliases { get; set; }
    [BindProperty] public DateParts DateOfBirth { get; set; } = new();
    [BindProperty] public string? ApproximateAge { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Notes { get; set; }
    /// <summary>One vehicle a line: the registration, then a comma and a description.</summary>
    [BindProperty] public string? Vehicles { get; set; }
    /// <summary>Email addresses of users to name, one a line.</summary>
    [BindProperty] public string? NamedUsers { get; set; }

    /// <summary>The input as far as the form could read it; its own errors are in ModelState.</summary>
    protected PersonOfConcernInput ReadInput()
    {
        var dob = DateOfBirth.IsEmpty ? null : ReadDate("dateOfBirth", DateOfBirth, "the date of birth", required: false);
        int? age = null;
        if (!string.IsNullOrWhiteSpace(ApproximateAge))
        {
            if (int.TryParse(ApproximateAge.Trim(), out var parsed)) age = parsed;
            else ModelState.AddModelError("approximateAge", "The approximate age must be a number, like 25");
        }
        ConcernCategory? category = NetworkLabels.TryParse<ConcernCategory>(Category, out var c) ? c : null;
        if (category is null) ModelState.AddModelError("category", "Select whether the person is an adult or a peer");
        var vehicles = Lines(Vehicles).Select(line =>
        {
            var comma = line.IndexOf(',');
            return comma < 0 ? new VehicleInput(line, null) : new VehicleInput(line[..comma].Trim(), line[(comma + 1)..].Trim());
        }).ToList();
        var input = new PersonOfConcernInput(Name, Aliases, dob, age, category, Notes, vehicles, Lines(NamedUsers));
        return input;
    }

    protected void Fill(PersonOfConcernRecord record)
    {
        var p = record.Person;
        Name = p.Name;
        Aliases = p.Aliases;
        DateOfBirth = DateParts.From(p.DateOfBirth);
        ApproximateAge = p.ApproximateAge?.ToString();
        Category = p.Category.Kebab();
        Notes = p.Notes;
        Vehicles = string.Join('\n', p.Vehicles.Select(v => v.Description is null ? v.Registration : $"{v.Registration}, {v.Description}"));
        NamedUsers = string.Join('\n', record.NamedUsers.Select(u => u.Email));
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
