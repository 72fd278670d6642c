using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Actions;
using Sightline.Core.Data;
using Sightline.Core.Demo;
using Sightline.Core.Panels;

namespace Sightline.Core.Tests;

/// <summary>The demo's MACE: it takes up the SEAM referrals, has met with attendance and decisions, and has actions, some overdue; the same every time.</summary>
public abstract class DemoPanelsTests(DatabaseProvider provider)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<object> ShapeAsync(SightlineDb db) => new
    {
        Meetings = await db.Meetings.OrderBy(m => m.Date).Select(m => new { m.Date, m.Status, Items = m.Items.Count, Present = m.Attendance.Count(a => a.Status == AttendanceStatus.Present) }).ToListAsync(),
        Actions = await db.PanelActions.OrderBy(a => a.DueOn).ThenBy(a => a.Title).Select(a => new { a.DueOn, a.Status, a.Title }).ToListAsync(),
    };

    [Fact]
    public async Task The_demo_mace_has_met_decided_and_left_some_actions_overdue_the_same_way_each_time()
    {
        await using var demo = await SeededDemo.CreateAsync(provider, DemoAssessmentsTests.Now, 150, Ct);
        var db = demo.Db;
        var today = London.DateOf(DemoAssessmentsTests.Now);
        var mace = await db.Panels.Include(p => p.Members).Include(p => p.Agencies).SingleAsync(p => p.Type == PanelTypes.Mace, Ct);
        Assert.NotEmpty(mace.Members);
        Assert.True(mace.Agencies.Count >= 4);

        var meetings = await db.Meetings.Where(m => m.PanelId == mace.Id).Include(m => m.Items).Include(m => m.Attendance).OrderBy(m => m.Date).ToListAsync(Ct);
        Assert.Equal(DemoPanels.PastMeetings, meetings.Count);
        Assert.All(meetings, m => Assert.Equal(MeetingStatus.Held, m.Status));
        Assert.All(meetings, m => Assert.Contains(m.Attendance, a => a.Status == AttendanceStatus.Present));
        Assert.All(meetings.SelectMany(m => m.Items), i => Assert.NotNull(i.Decision));
        Assert.Contains(meetings.SelectMany(m => m.Items), i => i.ClosedAt is null);

        var referrals = await db.PanelReferrals.Where(r => r.PanelType == PanelTypes.Mace && r.Status != ReferralStatus.Superseded).ToListAsync(Ct);
        Assert.NotEmpty(referrals);
        Assert.All(referrals, r => Assert.Equal(mace.Id, r.PanelId));
        Assert.Contains(referrals, r => r.Status == ReferralStatus.Accepted);

        var actions = await db.PanelActions.ToListAsync(Ct);
        Assert.Contains(actions, a => a.IsOverdueOn(today));
        Assert.Contains(actions, a => a.Status == ActionStatus.Done);
        Assert.NotEmpty(await db.StrategicNotes.ToListAsync(Ct));
        // The demo's history is taken as reminded: the first pass of the job sends nothing.
        Assert.Equal(0, await demo.Services.GetRequiredService<PanelActionReminders>().RunOnceAsync(Ct));

        await using var again = await SeededDemo.CreateAsync(provider, DemoAssessmentsTests.Now, 150, Ct);
        Assert.Equivalent(await ShapeAsync(db), await ShapeAsync(again.Db), strict: true);
    }
}

public sealed class DemoPanelsTests_Sqlite() : DemoPanelsTests(DatabaseProvider.Sqlite);

public sealed class DemoPanelsTests_Postgres() : DemoPanelsTests(DatabaseProvider.Postgres);
