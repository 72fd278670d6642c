using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

/// <summary>The personal-details form shared by "Add a young person" and "Change details".</summary>
public sealed class PersonForm
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? PreferredName { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public string? Sex { get; set; }
    public string? Ethnicity { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? LegalStatus { get; set; }

    public static readonly (string, string)[] SexOptions = Enum.GetValues<Sex>().Select(s => (s.ToString(), s.DisplayName())).ToArray();
    public static readonly (string, string)[] LegalStatusOptions = Enum.GetValues<LegalStatus>().Select(s => (s.ToString(), s.DisplayName())).ToArray();
    public static readonly (string, string)[] EthnicityOptions =
        new[] { "White British", "White Irish", "White Gypsy or Irish Traveller", "White other", "Mixed White and Black Caribbean", "Mixed White and Black African", "Mixed White and Asian", "Mixed other",
                "Asian Indian", "Asian Pakistani", "Asian Bangladeshi", "Asian Chinese", "Asian other", "Black African", "Black Caribbean", "Black other", "Arab", "Other ethnic group", "Not known", "Refused" }
            .Select(e => (e, e)).ToArray();

    public PersonInput ToInput(DateOnly? dateOfBirth) => new()
    {
        FirstName = FirstName,
        LastName = LastName,
        PreferredName = PreferredName,
        DateOfBirth = dateOfBirth,
        Sex = Enum.TryParse<Sex>(Sex, out var sex) ? sex : null,
        Ethnicity = Ethnicity,
        Address = Address,
        Postcode = Postcode,
        LegalStatus = Enum.TryParse<LegalStatus>(LegalStatus, out var status) ? status : null,
    };

    public static PersonForm From(Person p) => new()
    {
        FirstName = p.FirstName, LastName = p.LastName, PreferredName = p.PreferredName, DateOfBirth = DateParts.From(p.DateOfBirth),
        Sex = p.Sex.ToString(), Ethnicity = p.Ethnicity, Address = p.Address, Postcode = p.Postcode, LegalStatus = p.LegalStatus.ToString(),
    };
}
