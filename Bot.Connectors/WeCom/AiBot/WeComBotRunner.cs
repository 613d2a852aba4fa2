using Bot.Connectors.WeCom.Callback;
using Bot.Skills.Privacy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeCom.AiBot;

/// <summary>
/// Runs the handler for one verified AI-bot message: once per msgid (the shared, durable log), at most
/// <see cref="WeComBotOptions.MaxInFlightPerUser"/> at a time per member, within the reply budget.
/// </summary>
public sealed partial class WeComBotRunner(
    IWeComBotHandler handler,
    IWeComMessageLog log,
    InFlightLimiter limiter,
    IOptions<WeComBotOptions> options,
    TimeProvider clock,
    ILogger<WeComBotRunner> logger) : IDisposable
{
    public const string Busy = "您发的消息有点多，我还在处理前面的，请稍后再问。";

    private readonly CancellationTokenSource _stopping = new();

    /// <returns>The reply content, or null when there is nothing to say now (duplicate, no answer, or late).</returns>
    public async Task<string?> RunAsync(WeComBotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = $"aibot:{message.MsgId}";
        if (!await log.TryRegisterAsync(key, cancellationToken).ConfigureAwait(false))
        {
            LogDuplicate(message.MsgId);
            return null;
        }

        if (!limiter.TryEnter(message.FromUserId, options.Value.MaxInFlightPerUser))
        {
            LogBusy(PersonalDataMasker.MaskId(message.FromUserId));
            return Busy;
        }

        var work = HandleAsync(message, key, _stopping.Token);
        var budget = Task.Delay(TimeSpan.FromMilliseconds(options.Value.ReplyBudgetMs), clock, cancellationToken);
        if (await Task.WhenAny(work, budget).ConfigureAwait(false) == work)
        {
            return await work.ConfigureAwait(false);
        }

        // The AI bot cannot message a group on its own: an answer that misses the budget is logged and dropped.
        LogLate(message.MsgId, options.Value.ReplyBudgetMs);
        _ = work.ContinueWith(t => t.Exception is { } ex ? LogLateFailed(ex) : default, TaskScheduler.Default);
        return null;
    }

    private async Task<string?> HandleAsync(WeComBotMessage message, string key, CancellationToken stopping)
    {
        try
        {
            return await handler.HandleAsync(message, stopping).ConfigureAwait(false);
        }
        catch
        {
            // Not handled after all: let WeCom's retry through instead of dropping it as a duplicate.
            await log.ForgetAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            limiter.Release(message.FromUserId);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AI-bot message {MsgId} seen before; not handled again")]
    private partial void LogDuplicate(string msgId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI-bot member {User} has too many messages in flight; answered busy")]
    private partial void LogBusy(string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI-bot message {MsgId} not answered within {BudgetMs} ms; the answer is dropped")]
    private partial void LogLate(string msgId, int budgetMs);

    private bool LogLateFailed(Exception exception)
    {
        LogLateError(exception);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A late AI-bot answer failed")]
    private partial void LogLateError(Exception exception);
}
