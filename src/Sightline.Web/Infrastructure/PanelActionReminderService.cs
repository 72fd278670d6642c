using Sightline.Core.Panels;

namespace Sightline.Web.Infrastructure;

/// <summary>
/// Sends the panel action reminders (<see cref="PanelActionReminders"/>): every
/// <c>Panels:ReminderPollSeconds</c> (900 by default). Each reminder is claimed in the database, so
/// several instances may run this at once. Off when <c>Panels:Reminders</c> is false. Logs carry counts only.
/// </summary>
public sealed class PanelActionReminderService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<PanelActionReminderService> logger)
    : RecurringJob(clock, logger)
{
    public const string EnabledSetting = "Panels:Reminders";
    public const string PollSetting = "Panels:ReminderPollSeconds";

    /// <summary>On unless the setting says "false" (reminders are safer sent).</summary>
    public override bool Enabled => !bool.TryParse(configuration[EnabledSetting], out var on) || on;

    public override TimeSpan Interval => TimeSpan.FromSeconds(int.TryParse(configuration[PollSetting], out var seconds) && seconds >= 1 ? seconds : 900);

    protected override string Name => "Panel action reminders";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var sent = await scope.ServiceProvider.GetRequiredService<PanelActionReminders>().RunOnceAsync(cancellationToken);
        if (sent > 0) Logger.LogInformation("Panel action reminders: {Count} sent", sent);
        return sent;
    }
}
