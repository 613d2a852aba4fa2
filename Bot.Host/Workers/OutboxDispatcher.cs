using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Skills.Telemetry;
using Microsoft.Extensions.Options;

namespace Bot.Host.Workers;

/// <summary>Sends stored replies through their channel, with retries and backoff; nothing is dropped silently.</summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore outbox,
    OutboxSignal signal,
    IEnumerable<IOutboundSender> senders,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, IOutboundSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sentAny = await DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
                if (!sentAny)
                {
                    await WaitForWorkAsync(TimeSpan.FromMilliseconds(settings.PollIntervalMs), stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDispatchFailed(ex);
                await WaitForWorkAsync(TimeSpan.FromMilliseconds(settings.PollIntervalMs), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends one batch of due messages; true when there were any.</summary>
    public async Task<bool> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var batch = await outbox.ClaimDueAsync(settings.BatchSize, TimeSpan.FromMilliseconds(settings.LeaseMs), cancellationToken).ConfigureAwait(false);

        // Different residents in parallel; each resident's messages in order (the claim gives at most one each).
        // One lane per message: the default (one per CPU core) would let two hung requests on a two-core host
        // hold every other resident's reply until they time out.
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, batch.Count) };
        await Parallel.ForEachAsync(batch, parallel, async (item, ct) => await SendAsync(item, settings, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return batch.Count > 0;
    }

    private async Task SendAsync(OutboxItem item, OutboxOptions settings, CancellationToken cancellationToken)
    {
        // One span per send, tagged by channel and result only (no resident id, no text).
        using var activity = BotTelemetry.ActivitySource.StartActivity(BotTelemetry.SendActivity);
        activity?.SetTag(BotTelemetry.ChannelTag, item.Resident.Channel);
        SendOutcome outcome;
        if (!_senders.TryGetValue(item.Resident.Channel, out var sender))
        {
            outcome = new SendOutcome(SendResult.Failed, $"no sender for channel {item.Resident.Channel}");
        }
        else
        {
            try
            {
                outcome = await sender.SendAsync(item, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                outcome = new SendOutcome(SendResult.Retry, Describe(ex));
            }
        }

        activity?.SetTag(BotTelemetry.OutcomeTag, outcome.Result.ToString());
        switch (outcome.Result)
        {
            case SendResult.Sent:
                await outbox.MarkSentAsync(item.Id, cancellationToken).ConfigureAwait(false);
                break;
            case SendResult.Deferred:
                LogDeferred(item.Id, outcome.Detail);
                await outbox.MarkDeferredAsync(item.Id, outcome.Detail, cancellationToken).ConfigureAwait(false);
                break;
            case SendResult.Retry when item.Attempts < settings.MaxAttempts:
                var next = clock.GetUtcNow() + settings.BackoffAfter(item.Attempts);
                await outbox.MarkRetryAsync(item.Id, outcome.Detail, next, cancellationToken).ConfigureAwait(false);
                break;
            default:
                LogGaveUp(item.Id, item.Attempts, outcome.Detail);
                await outbox.MarkFailedAsync(item.Id, outcome.Detail, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The reason kept on the row: the status or the timeout, never a URL (it may carry a token or webhook key).</summary>
    private static string Describe(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status} {status}",
        TimeoutException timeout => $"timeout: {timeout.Message}",
        TaskCanceledException { InnerException: TimeoutException } => "timeout: HttpClient.Timeout elapsed",
        _ => exception.GetType().Name,
    };

    private async Task WaitForWorkAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        // Wake on a new reply, or after the poll interval (measured on the injected clock) for due retries.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(pollInterval, clock, timeout.Token);
        var woken = signal.WaitAsync(Timeout.InfiniteTimeSpan, timeout.Token);
        await Task.WhenAny(delay, woken).ConfigureAwait(false);
        await timeout.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(delay, woken).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch failed; retrying after the poll interval")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} deferred until the resident writes again: {Reason}")]
    private partial void LogDeferred(long id, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} failed after {Attempts} attempt(s): {Error}")]
    private partial void LogGaveUp(long id, int attempts, string error);
}
