using Sightline.Core;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;

namespace Sightline.Web.Pages.Assessments;

/// <summary>The signed-in user's assessment work: their own assessments and actions, and for managers what waits on them.</summary>
public sealed class IndexModel(SeamRecords seams, ActionPlans plans, TimeProvider clock) : SightlinePage
{
    public DateOnly Today => clock.LondonToday();
    public List<SeamListItem> Mine { get; private set; } = [];
    public List<SeamListItem> Awaiting { get; private set; } = [];
    public List<SeamListItem> ReviewsDue { get; private set; } = [];
    public List<TrackedAction> MyActions { get; private set; } = [];
    public List<TrackedAction> AgencyOverdue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = Me;
        Mine = await seams.MyOpenAsync(me, cancellationToken);
        MyActions = await plans.MineAsync(me, cancellationToken);
        if (me.IsManager)
        {
            Awaiting = await seams.AwaitingApprovalAsync(me, cancellationToken);
            ReviewsDue = await seams.ReviewsDueAsync(me, cancellationToken: cancellationToken);
            AgencyOverdue = await plans.OverdueForManagerAsync(me, cancellationToken);
        }
    }
}
