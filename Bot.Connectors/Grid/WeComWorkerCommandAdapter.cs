using Bot.Connectors.WeCom;
using Bot.Skills.Dispatch;
using Bot.Skills.Handoff;
using Bot.Skills.Mediation;

namespace Bot.Connectors.Grid;

/// <summary>
/// Staff messages in the WeCom app: text goes to the worker-command handler, whose answer is the passive reply;
/// a member opening the app gets the command list. A photo or voice from a member in a live hand-off session is
/// answered (WeCom media cannot be relayed to WeChat); other messages get no reply.
/// </summary>
public sealed class WeComWorkerCommandAdapter(WorkerCommandHandler handler, IHandoffSessionStore sessions, MediatorCommands mediators) : IWeComMessageHandler
{
    public const string OnlyText = "目前只能把文字转给居民，请用文字回复。";

    public async Task<string?> HandleAsync(WeComInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (inbound.MsgType == "text" && MediatorCommands.Matches(inbound.Content))
        {
            // Booking numbers (B2026-00001) belong to the mediators' commands; ticket numbers to the grid's.
            return await mediators.HandleAsync(inbound.FromUserName, inbound.Content!, cancellationToken).ConfigureAwait(false);
        }

        if (inbound.MsgType == "text")
        {
            return await handler.HandleAsync(inbound.FromUserName, inbound.Content, cancellationToken).ConfigureAwait(false);
        }

        if (inbound.MsgType == "event")
        {
            return string.Equals(inbound.Event, "enter_agent", StringComparison.OrdinalIgnoreCase) ? WorkerCommandParser.Help : null;
        }

        var live = await sessions.ListActiveByWorkerAsync(inbound.FromUserName, cancellationToken).ConfigureAwait(false);
        return live.Count > 0 ? OnlyText : null;
    }
}
