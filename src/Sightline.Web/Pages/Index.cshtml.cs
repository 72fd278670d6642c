namespace Sightline.Web.Pages;

public sealed class IndexModel : SightlinePage
{
    public void OnGet() { }
}
