using Bot.Connectors.Storage;
using Bot.Host.Intake;

namespace Bot.Host.Workers;

/// <summary>At start-up, resumes messages that were accepted but not processed before the last stop.</summary>
public sealed partial class InboxRecoveryService(IInboxStore inbox, MessageIntake intake, ILogger<InboxRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var unprocessed = await inbox.ListUnprocessedAsync(stoppingToken).ConfigureAwait(false);
        if (unprocessed.Count == 0)
        {
            return;
        }

        LogResuming(unprocessed.Count);
        await Task.WhenAll(unprocessed.Select(intake.ResumeAsync)).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming {Count} message(s) accepted before the last stop")]
    private partial void LogResuming(int count);
}
