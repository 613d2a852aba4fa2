using Bot.Skills.Handoff;
using Microsoft.Extensions.Options;

namespace Bot.Host.Workers;

/// <summary>
/// Ends hand-off sessions nobody wrote to within the idle timeout, telling both sides, so a worker is not left
/// holding a session after the resident went quiet. A resident who writes first is handled by the gate; ending is
/// conditional, so only one of them ends a session. Driven by a <see cref="TimeProvider"/> timer, which tests advance.
/// </summary>
public sealed partial class HandoffTimeoutService(
    HandoffRelay relay,
    IOptions<HandoffOptions> options,
    TimeProvider clock,
    ILogger<HandoffTimeoutService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wake = new SemaphoreSlim(0, 1);
        var interval = options.Value.SweepInterval;
        await using var timer = clock.CreateTimer(_ => Wake(wake), null, interval, interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await wake.WaitAsync(stoppingToken).ConfigureAwait(false);
                if (await relay.EndAllIdleAsync(stoppingToken).ConfigureAwait(false) is > 0 and var ended)
                {
                    LogEnded(ended);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next tick tries again; a session left open meanwhile still ends at the resident's next message.
                LogSweepFailed(ex);
            }
        }
    }

    private static void Wake(SemaphoreSlim wake)
    {
        try
        {
            wake.Release();
        }
        catch (Exception ex) when (ex is SemaphoreFullException or ObjectDisposedException)
        {
            // Already due to run, or stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ended {Count} idle hand-off session(s)")]
    private partial void LogEnded(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The idle hand-off sweep failed")]
    private partial void LogSweepFailed(Exception exception);
}
