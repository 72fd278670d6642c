using System.Net;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Audit;
using Sightline.Core.Performance;
using Sightline.TestKit;
using static Sightline.Web.Tests.Support.FormPosts;

namespace Sightline.Web.Tests;

/// <summary>The area group administration pages (/admin/area-groups): administrators only; each test uses its own names.</summary>
public abstract class AreaGroupAdminPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<Dictionary<string, Guid>> AreasAsync() =>
        await App.WithDbAsync(db => db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Name, a => a.Id));

    [Fact]
    public async Task An_administrator_adds_changes_and_deletes_a_group_and_each_change_is_audited()
    {
        var admin = await App.SignedInAsync("administrator");
        var areas = await AreasAsync();
        var list = await admin.GetDocumentAsync("/admin/area-groups");
        Assert.Contains("London", list.GetElementById("area-groups")!.TextContent);
        Assert.Contains("/admin/area-groups", (await admin.GetDocumentAsync("/admin")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        var form = await admin.GetDocumentAsync("/admin/area-groups/add");
        Assert.Contains(areas["Barnet"].ToString(), form.QuerySelectorAll("input[name=members]").Select(i => i.GetAttribute("value")));
        var name = Unique("North London");
        Assert.Equal("/admin/area-groups?done=added", await PostExpectingRedirectAsync(admin, "/admin/area-groups/add",
            ("name", name), ("members", areas["Barnet"].ToString()), ("members", areas["Enfield"].ToString()), ("members", areas["Haringey"].ToString())));
        var group = await App.WithDbAsync(db => db.AreaGroups.AsNoTracking().Include(g => g.Members).SingleAsync(g => g.Name == name));
        Assert.Equal(AreaGroupAdministration.KeyFor(name), group.Key);
        Assert.StartsWith("north-london-", group.Key);
        Assert.Equal(new[] { areas["Barnet"], areas["Enfield"], areas["Haringey"] }.Order(), group.Members.Select(m => m.AreaId).Order());

        // The change page shows the members ticked; a new name and members are saved, the key stays.
        var change = await admin.GetDocumentAsync($"/admin/area-groups/{group.Id}/change");
        Assert.Equal(3, change.QuerySelectorAll("input[name=members][checked]").Length);
        Assert.Equal("/admin/area-groups?done=changed", await PostExpectingRedirectAsync(admin, $"/admin/area-groups/{group.Id}/change",
            ("name", name + " renamed"), ("members", areas["Barnet"].ToString()), ("members", areas["Camden"].ToString())));
        var changed = await App.WithDbAsync(db => db.AreaGroups.AsNoTracking().Include(g => g.Members).SingleAsync(g => g.Id == group.Id));
        Assert.Equal((group.Key, name + " renamed"), (changed.Key, changed.Name));
        Assert.Equal(new[] { areas["Barnet"], areas["Camden"] }.Order(), changed.Members.Select(m => m.AreaId).Order());

        Assert.Equal("/admin/area-groups?done=deleted", await PostExpectingRedirectAsync(admin, $"/admin/area-groups/{group.Id}/delete"));
        Assert.False(await App.WithDbAsync(db => db.AreaGroups.AnyAsync(g => g.Id == group.Id)));
        Assert.False(await App.WithDbAsync(db => db.AreaGroupMembers.AnyAsync(m => m.GroupId == group.Id)));

        var adminId = App.Users["administrator"].Id;
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "area-group" && e.EntityId == group.Id.ToString()).Select(e => new { e.Action, e.UserId }).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Delete], audit.Select(a => a.Action).Order());
        Assert.All(audit, a => Assert.Equal(adminId, a.UserId));
    }

    [Fact]
    public async Task Bad_input_is_shown_in_the_error_summary_and_nothing_is_saved()
    {
        var admin = await App.SignedInAsync("administrator");
        var areas = await AreasAsync();
        var before = await App.WithDbAsync(db => db.AreaGroups.CountAsync());

        var empty = await PostExpectingFormAsync(admin, "/admin/area-groups/add");
        Assert.Equal(["Enter the group's name", "Select at least 2 areas"], empty.ErrorSummary());
        var taken = await PostExpectingFormAsync(admin, "/admin/area-groups/add", ("name", "LONDON BOROUGHS"), ("members", areas["Barnet"].ToString()), ("members", "not-an-area"));
        Assert.Equal(["A group called LONDON BOROUGHS already exists", "Select areas from the list"], taken.ErrorSummary());
        // Members chosen before the error stay ticked.
        Assert.Single(taken.QuerySelectorAll("input[name=members][checked]"));
        var tooLong = await PostExpectingFormAsync(admin, "/admin/area-groups/add", ("name", new string('a', 201)), ("members", areas["Barnet"].ToString()), ("members", areas["Brent"].ToString()));
        Assert.Equal(["The name must be 200 characters or fewer"], tooLong.ErrorSummary());
        var unknownArea = await PostExpectingFormAsync(admin, "/admin/area-groups/add", ("name", Unique("Group")), ("members", areas["Barnet"].ToString()), ("members", Guid.NewGuid().ToString()));
        Assert.Equal(["Select areas from the list"], unknownArea.ErrorSummary());
        Assert.Equal(before, await App.WithDbAsync(db => db.AreaGroups.CountAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/area-groups/{Guid.NewGuid()}/change", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_london_group_cannot_be_deleted()
    {
        var admin = await App.SignedInAsync("administrator");
        var london = await App.WithDbAsync(db => db.AreaGroups.AsNoTracking().SingleAsync(g => g.Key == ReferenceAreas.LondonGroup));
        var list = await admin.GetDocumentAsync("/admin/area-groups");
        Assert.DoesNotContain($"/admin/area-groups/{london.Id}/delete", list.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var confirm = await admin.GetDocumentAsync($"/admin/area-groups/{london.Id}/delete");
        Assert.NotNull(confirm.GetElementById("built-in"));
        var refused = await PostExpectingFormAsync(admin, $"/admin/area-groups/{london.Id}/delete");
        Assert.Single(refused.ErrorSummary());
        Assert.True(await App.WithDbAsync(db => db.AreaGroups.AnyAsync(g => g.Key == ReferenceAreas.LondonGroup)));
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("senior-manager")]
    public async Task Other_roles_are_refused(string userKey)
    {
        var client = await App.SignedInAsync(userKey);
        var response = await client.GetAsync("/admin/area-groups", Ct);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
            response = await client.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var areas = await AreasAsync();
        var name = Unique("Forged");
        var forged = await client.PostAsync("/admin/area-groups/add",
            new FormUrlEncodedContent([new("name", name), new("members", areas["Barnet"].ToString()), new("members", areas["Brent"].ToString())]), Ct);
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.AreaGroups.AnyAsync(g => g.Name == name)));
    }
}

public sealed class AreaGroupAdminPagesTests_Sqlite(SqliteApp fixture) : AreaGroupAdminPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class AreaGroupAdminPagesTests_Postgres(PostgresApp fixture) : AreaGroupAdminPagesTests(fixture), IClassFixture<PostgresApp>;
