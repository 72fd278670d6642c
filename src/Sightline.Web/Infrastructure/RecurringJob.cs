namespace Sightline.Web.Infrastructure;

/// <summary>
/// A background job that runs one pass every <see cref="Interval"/> until the app stops. A pass
/// that fails (the database away for a while) is logged and the next tick tries again. Only the
/// exception's type is logged: a database error's message can quote the values of the row it was
/// writing, and those may be personal data.
/// </summary>
public abstract class RecurringJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;
    protected ILogger Logger { get; } = logger;

    public abstract TimeSpan Interval { get; }

    /// <summary>What the job does, for the log: "Return home interview reminders".</summary>
    protected abstract string Name { get; }

    public virtual bool Enabled => true;

    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            Logger.LogInformation("{Job}: off by configuration", Name);
            return;
        }
        var interval = Interval;
        using var timer = new PeriodicTimer(interval, Clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Logger.LogError("{Job}: the pass failed ({Error}); trying again in {Seconds} seconds", Name, ex.GetType().Name, (int)interval.TotalSeconds);
            }
        }
    }
}
