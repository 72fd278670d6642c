using Sightline.Core.Panels;

namespace Sightline.Web.Infrastructure;

/// <summary>Sends the panel action reminders (<see cref="PanelActionReminders"/>) every <c>Panels:ReminderPollSeconds</c> (900 by default).</summary>
public sealed class PanelActionReminderService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<PanelActionReminderService> logger)
    : ReminderJob(scopes, configuration, clock, logger, EnabledSetting, PollSetting, defaultSeconds: 900)
{
    public const string EnabledSetting = "Panels:Reminders";
    public const string PollSetting = "Panels:ReminderPollSeconds";

    protected override string Name => "Panel action reminders";

    protected override Task<int> SendAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PanelActionReminders>().RunOnceAsync(cancellationToken);
}
