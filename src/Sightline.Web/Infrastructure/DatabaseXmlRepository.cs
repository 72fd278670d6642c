using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Sightline.Core.Access;
using Sightline.Core.Data;

namespace Sightline.Web.Infrastructure;

/// <summary>
/// Data-protection keys in the database, so every app instance can read the others' cookies.
/// (Microsoft's EF Core package for this is not on our NuGet source; this is its whole job.)
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SightlineDb>();
        return db.DataProtectionKeys.Where(k => k.Xml != null).Select(k => k.Xml!).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SightlineDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
