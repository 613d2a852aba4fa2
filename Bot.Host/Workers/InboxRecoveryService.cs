using Bot.Connectors.Storage;
using Bot.Host.Intake;
using Microsoft.Extensions.Options;

namespace Bot.Host.Workers;

/// <summary>
/// Finishes messages whose turn never completed: at start-up those this instance held before it stopped, then,
/// every sweep, those whose host died or handed them back (lease lapsed) — on this host or any other.
/// </summary>
public sealed partial class InboxRecoveryService(
    IInboxStore inbox,
    MessageIntake intake,
    IOptions<InboxOptions> options,
    TimeProvider clock,
    ILogger<InboxRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SweepAsync(atStartup: true, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await SweepAsync(atStartup: false, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task SweepAsync(bool atStartup, CancellationToken stoppingToken)
    {
        IReadOnlyList<AcceptedMessage> stranded;
        try
        {
            stranded = await inbox.ClaimStrandedAsync(atStartup, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (DbErrors.IsOutage(ex))
        {
            // The database is away; the next sweep tries again and the messages wait safely in the inbox.
            LogSweepFailed(ex);
            return;
        }

        if (stranded.Count == 0)
        {
            return;
        }

        LogResuming(stranded.Count);

        // Not awaited: a slow turn must not hold up the next sweep. Each resident's turns stay in order in the queue.
        foreach (var message in stranded)
        {
            _ = intake.ResumeAsync(message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming {Count} message(s) whose turn did not finish")]
    private partial void LogResuming(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sweep the inbox for unfinished messages")]
    private partial void LogSweepFailed(Exception exception);
}
