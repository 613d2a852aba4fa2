using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeCom.Callback;

/// <summary>
/// Runs the handler for one verified callback: once per message (the shared log), and within the reply budget.
/// An answer that takes longer is not lost: the callback is answered empty (so WeCom does not retry) and the
/// answer follows as an app message when it is ready.
/// </summary>
public sealed partial class WeComMessageRunner(
    IWeComMessageHandler handler,
    IWeComMessageLog log,
    IWeComLateReply lateReply,
    IOptions<WeComOptions> options,
    TimeProvider clock,
    ILogger<WeComMessageRunner> logger) : IDisposable
{
    /// <summary>Cancelled when the container disposes the runner at shutdown: late answers stop with the host.</summary>
    private readonly CancellationTokenSource _stopping = new();

    /// <returns>The passive reply, or null when there is none to give now (duplicate, no answer, or late).</returns>
    public async Task<string?> RunAsync(WeComInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var key = inbound.Message.MessageKey;
        if (!await log.TryRegisterAsync(key, cancellationToken).ConfigureAwait(false))
        {
            LogDuplicate(key);
            return null;
        }

        // Not tied to the request: a late answer must still be worked out after the callback is answered.
        var work = HandleAsync(inbound, key, _stopping.Token);
        var budget = Task.Delay(TimeSpan.FromMilliseconds(options.Value.ReplyBudgetMs), clock, cancellationToken);
        if (await Task.WhenAny(work, budget).ConfigureAwait(false) == work)
        {
            return await work.ConfigureAwait(false);
        }

        LogLate(key, options.Value.ReplyBudgetMs);
        _ = DeliverLateAsync(work, inbound.FromUserName);
        return null;
    }

    private async Task<string?> HandleAsync(WeComInbound inbound, string key, CancellationToken stopping)
    {
        try
        {
            return await handler.HandleAsync(inbound, stopping).ConfigureAwait(false);
        }
        catch
        {
            // Not handled after all: let WeCom's retry through instead of dropping it as a duplicate.
            await log.ForgetAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task DeliverLateAsync(Task<string?> work, string weComUserId)
    {
        try
        {
            if (await work.ConfigureAwait(false) is { Length: > 0 } reply)
            {
                await lateReply.SendAsync(weComUserId, reply, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // The callback was answered already; all that is left is to say so in the log.
            LogLateFailed(ex);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom callback {MessageKey} seen before; not handled again")]
    private partial void LogDuplicate(string messageKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom callback {MessageKey} not answered within {BudgetMs} ms; the answer follows as an app message")]
    private partial void LogLate(string messageKey, int budgetMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "A late WeCom answer failed")]
    private partial void LogLateFailed(Exception exception);
}
