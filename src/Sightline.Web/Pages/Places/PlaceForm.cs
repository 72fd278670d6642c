using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Network;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Places;

/// <summary>The add and change forms of a place: the same fields, read the same way.</summary>
public abstract class PlaceForm : SightlinePage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? Latitude { get; set; }
    [BindProperty] public string? Longitude { get; set; }
    [BindProperty] public string? Notes { get; set; }

    protected PlaceInput? ReadInput()
    {
        PlaceType? type = NetworkLabels.TryParse<PlaceType>(Type, out var t) ? t : null;
        var input = new PlaceInput(Name, type, Address, Postcode, Number("latitude", Latitude), Number("longitude", Longitude), Notes);
        MergeErrors(Sightline.Core.Network.Places.Validate(input));
        return ModelState.IsValid ? input : null;
    }

    private double? Number(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        ModelState.AddModelError(field, $"The {field} must be a number, like {(field == "latitude" ? "51.6252" : "-0.1517")}");
        return null;
    }

    protected void Fill(Place place)
    {
        (Name, Type, Address, Postcode, Notes) = (place.Name, place.Type.Kebab(), place.Address, place.Postcode, place.Notes);
        Latitude = place.Latitude?.ToString(CultureInfo.InvariantCulture);
        Longitude = place.Longitude?.ToString(CultureInfo.InvariantCulture);
    }
}
