namespace Sightline.Web.Infrastructure;

/// <summary>
/// A reminder pass on a timer: every <c>{section}:ReminderPollSeconds</c> one pass of the feature's reminders, in a
/// scope of its own. Each reminder is claimed in the database, so several instances may run this at once and each
/// reminder still goes once. Off when <c>{section}:Reminders</c> is false; anything unreadable leaves it on
/// (reminders are safer sent). Logs carry counts only.
/// </summary>
public abstract class ReminderJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger logger,
    string enabledSetting, string pollSetting, int defaultSeconds) : RecurringJob(clock, logger)
{
    public override bool Enabled => !bool.TryParse(configuration[enabledSetting], out var on) || on;

    /// <summary>At least a second; a missing or bad value gives the default rather than stopping the app.</summary>
    public override TimeSpan Interval =>
        TimeSpan.FromSeconds(int.TryParse(configuration[pollSetting], out var seconds) && seconds >= 1 ? seconds : defaultSeconds);

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>The feature's own pass; returns how many reminders it sent.</summary>
    protected abstract Task<int> SendAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>One pass, in a scope of its own. Returns how many reminders were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var sent = await SendAsync(scope.ServiceProvider, cancellationToken);
        if (sent > 0) Logger.LogInformation("{Job}: {Count} sent", Name, sent);
        return sent;
    }
}
