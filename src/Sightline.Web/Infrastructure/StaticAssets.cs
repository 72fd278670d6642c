namespace Sightline.Web.Infrastructure;

/// <summary>The folders served from wwwroot: public, cacheable, and never behind the account gate.</summary>
public static class StaticAssets
{
    private static readonly PathString[] Folders = ["/govuk", "/assets", "/css", "/js"];

    public static bool IsStatic(PathString path) => Folders.Any(path.StartsWithSegments);
}
