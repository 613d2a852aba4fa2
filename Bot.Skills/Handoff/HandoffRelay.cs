using Bot.Skills.Complaints;
using Bot.Skills.Dispatch;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Handoff;

/// <summary>
/// Carries a live session's messages both ways and ends sessions (by the worker, or after the idle timeout).
/// A worker with several live sessions writes to the most recently active one; the answer says which.
/// </summary>
public sealed partial class HandoffRelay(
    IHandoffSessionStore sessions,
    IStaffNotifier staff,
    IResidentNotifier residents,
    IOptions<HandoffOptions> options,
    TimeProvider clock,
    ILogger<HandoffRelay> logger)
{
    public const string NoSession = "当前没有进行中的居民对话。";

    public async Task FromResidentAsync(HandoffSession session, InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        await staff.NotifyAsync(session.WorkerUserId, HandoffTexts.Relay(session, HandoffTexts.Body(message)), cancellationToken).ConfigureAwait(false);
        await sessions.TouchAsync(session.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <returns>The worker's acknowledgement, or null when they have no live session (the text is then no command).</returns>
    public async Task<string?> FromWorkerAsync(Person person, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var live = await LiveSessionsAsync(person, cancellationToken).ConfigureAwait(false);
        if (live.Count == 0)
        {
            return null;
        }

        var session = live[0];
        await residents.NotifyAsync(session.Resident, Reply.FromText($"{HandoffTexts.Title(person)}{person.Name}：{text.Trim()}"), cancellationToken).ConfigureAwait(false);
        await sessions.TouchAsync(session.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return live.Count == 1
            ? "已转告居民。"
            : $"已转告居民{HandoffTexts.Who(session.Resident)}（您有 {live.Count} 个进行中的对话，消息发给最近活跃的一位）。";
    }

    /// <summary>结束: ends the worker's most recently active session and tells the resident the bot is back.</summary>
    public async Task<string> EndByWorkerAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var live = await LiveSessionsAsync(person, cancellationToken).ConfigureAwait(false);
        if (live.Count == 0)
        {
            return NoSession;
        }

        var session = live[0];
        if (await sessions.EndAsync(session.Id, HandoffEndReason.Worker, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            await residents.NotifyAsync(session.Resident, Reply.FromText(HandoffTexts.Ended), cancellationToken).ConfigureAwait(false);
            LogEnded(session.Id, nameof(HandoffEndReason.Worker));
        }

        var rest = live.Count - 1;
        return rest == 0
            ? $"已结束与居民{HandoffTexts.Who(session.Resident)}的对话。"
            : $"已结束与居民{HandoffTexts.Who(session.Resident)}的对话，您还有 {rest} 个进行中的对话。";
    }

    /// <summary>Ends a session for silence; exactly one caller (gate, sweep, another host) wins and tells the worker.</summary>
    /// <param name="tellResident">False when the resident is mid-turn and the bot's own answer says it.</param>
    public async Task<bool> EndIdleAsync(HandoffSession session, bool tellResident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!await sessions.EndAsync(session.Id, HandoffEndReason.Timeout, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await staff.NotifyAsync(session.WorkerUserId, HandoffTexts.SessionEnded(session, options.Value.IdleTimeoutMinutes), cancellationToken).ConfigureAwait(false);
        if (tellResident)
        {
            await residents.NotifyAsync(session.Resident, Reply.FromText(HandoffTexts.TimedOut), cancellationToken).ConfigureAwait(false);
        }

        LogEnded(session.Id, nameof(HandoffEndReason.Timeout));
        return true;
    }

    /// <summary>The background sweep: ends every session nobody wrote to within the timeout.</summary>
    public async Task<int> EndAllIdleAsync(CancellationToken cancellationToken)
    {
        var idle = await sessions.ListIdleAsync(clock.GetUtcNow() - options.Value.IdleTimeout, cancellationToken).ConfigureAwait(false);
        var ended = 0;
        foreach (var session in idle)
        {
            ended += await EndIdleAsync(session, tellResident: true, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return ended;
    }

    /// <summary>The worker's sessions that are still live; idle ones found on the way are ended first.</summary>
    private async Task<IReadOnlyList<HandoffSession>> LiveSessionsAsync(Person person, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(person.WeComUserId))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var live = new List<HandoffSession>();
        foreach (var session in await sessions.ListActiveByWorkerAsync(person.WeComUserId, cancellationToken).ConfigureAwait(false))
        {
            if (session.IsIdle(now, options.Value.IdleTimeout))
            {
                await EndIdleAsync(session, tellResident: true, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                live.Add(session);
            }
        }

        return live;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hand-off session {SessionId} ended ({Reason})")]
    private partial void LogEnded(long sessionId, string reason);
}
