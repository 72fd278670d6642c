namespace Sightline.Core.People;

/// <summary>The editable personal details, as both the pages and the API supply them.</summary>
public sealed record PersonInput
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? PreferredName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public Sex? Sex { get; init; }
    public string? Ethnicity { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public LegalStatus? LegalStatus { get; init; }

    public const int OldestAge = 25;

    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        RequireText(errors, "firstName", FirstName, "first name", 100);
        RequireText(errors, "lastName", LastName, "last name", 100);
        OptionalText(errors, "preferredName", PreferredName, "Preferred name", 100);
        OptionalText(errors, "ethnicity", Ethnicity, "Ethnicity", 100);
        OptionalText(errors, "address", Address, "Address", 500);
        OptionalText(errors, "postcode", Postcode, "Postcode", 10);
        if (DateOfBirth is not { } dob) errors.Add("dateOfBirth", "Enter a date of birth");
        else if (dob > today) errors.Add("dateOfBirth", "Date of birth must be in the past");
        else if (Age.On(dob, today) > OldestAge) errors.Add("dateOfBirth", $"Sightline records young people aged {OldestAge} or under");
        if (Sex is null) errors.Add("sex", "Select the young person's sex");
        return errors;
    }

    private static void RequireText(ValidationErrors errors, string field, string? value, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, $"Enter a {label}");
        else if (value.Trim().Length > max) errors.Add(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be {max} characters or fewer");
        else if (value.Any(char.IsControl)) errors.Add(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must not contain control characters");
    }

    private static void OptionalText(ValidationErrors errors, string field, string? value, string label, int max)
    {
        if (value is null) return;
        if (value.Trim().Length > max) errors.Add(field, $"{label} must be {max} characters or fewer");
        else if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r')) errors.Add(field, $"{label} must not contain control characters");
    }

    public void ApplyTo(Person person)
    {
        person.FirstName = FirstName!.Trim();
        person.LastName = LastName!.Trim();
        person.PreferredName = Blank(PreferredName);
        person.DateOfBirth = DateOfBirth!.Value;
        person.Sex = Sex!.Value;
        person.Ethnicity = Blank(Ethnicity);
        person.Address = Blank(Address);
        person.Postcode = Blank(Postcode)?.ToUpperInvariant();
        person.LegalStatus = LegalStatus ?? People.LegalStatus.None;
        person.RefreshSearchName();
    }

    public static PersonInput From(Person person) => new()
    {
        FirstName = person.FirstName,
        LastName = person.LastName,
        PreferredName = person.PreferredName,
        DateOfBirth = person.DateOfBirth,
        Sex = person.Sex,
        Ethnicity = person.Ethnicity,
        Address = person.Address,
        Postcode = person.Postcode,
        LegalStatus = person.LegalStatus,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public static class PersonLabels
{
    public static string DisplayName(this Sex sex) => sex switch
    {
        Sex.Female => "Female",
        Sex.Male => "Male",
        Sex.Other => "Other",
        _ => "Not known",
    };

    public static string DisplayName(this LegalStatus status) => status switch
    {
        LegalStatus.None => "None recorded",
        LegalStatus.ChildInNeed => "Child in need",
        LegalStatus.ChildProtectionPlan => "Child protection plan",
        LegalStatus.LookedAfterSection20 => "Looked after (section 20)",
        LegalStatus.LookedAfterCareOrder => "Looked after (care order)",
        LegalStatus.RemandedToLocalAuthority => "Remanded to local authority accommodation",
        LegalStatus.CareLeaver => "Care leaver",
        _ => "Other",
    };

    /// <summary>Accepts the enum name or its kebab-case form ("not-known", "child-in-need").</summary>
    public static bool TryParseEnum<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var compact = text.Replace("-", "").Replace("_", "").Replace(" ", "");
        return Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(compact, out _);
    }

    public static string Kebab<T>(this T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

public sealed record FlagInput(string? TypeKey, DateOnly? StartDate, FlagLevel? Level, DateOnly? EndDate = null, string? Notes = null);

public sealed record InvolvementInput(Guid? AgencyId, string? ContactName, string? ContactPhone, string? ContactEmail, DateOnly? StartDate);
