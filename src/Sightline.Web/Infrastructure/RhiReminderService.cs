using Sightline.Core.Missing;

namespace Sightline.Web.Infrastructure;

/// <summary>
/// Sends the return home interview reminders: every <c>Missing:ReminderPollSeconds</c> (300 by
/// default) one pass of <see cref="RhiReminders.RunOnceAsync"/> in a scope of its own. Each
/// reminder is claimed in the database, so several instances may run this at once and each
/// reminder still goes once. Off when <c>Missing:Reminders</c> is false. Logs carry counts only.
/// </summary>
public sealed class RhiReminderService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RhiReminderService> logger)
    : RecurringJob(clock, logger)
{
    public const string EnabledSetting = "Missing:Reminders";
    public const string PollSetting = "Missing:ReminderPollSeconds";

    /// <summary>On unless the setting says "false"; anything unreadable leaves it on (reminders are safer sent).</summary>
    public override bool Enabled => !bool.TryParse(configuration[EnabledSetting], out var on) || on;

    /// <summary>At least a second; a missing or bad value gives the default rather than stopping the app.</summary>
    public override TimeSpan Interval => TimeSpan.FromSeconds(int.TryParse(configuration[PollSetting], out var seconds) && seconds >= 1 ? seconds : 300);

    protected override string Name => "Return home interview reminders";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>One pass, in a scope of its own. Returns how many episodes were reminded about.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var sent = await scope.ServiceProvider.GetRequiredService<RhiReminders>().RunOnceAsync(cancellationToken);
        if (sent > 0) Logger.LogInformation("Return home interview reminders: {Count} sent", sent);
        return sent;
    }
}
