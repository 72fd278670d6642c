using Sightline.Core.Missing;

namespace Sightline.Web.Infrastructure;

/// <summary>Sends the return home interview reminders (<see cref="RhiReminders"/>) every <c>Missing:ReminderPollSeconds</c> (300 by default).</summary>
public sealed class RhiReminderService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RhiReminderService> logger)
    : ReminderJob(scopes, configuration, clock, logger, EnabledSetting, PollSetting, defaultSeconds: 300)
{
    public const string EnabledSetting = "Missing:Reminders";
    public const string PollSetting = "Missing:ReminderPollSeconds";

    protected override string Name => "Return home interview reminders";

    protected override Task<int> SendAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RhiReminders>().RunOnceAsync(cancellationToken);
}
