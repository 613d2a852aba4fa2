using Bot.Connectors.WeCom;
using Bot.Skills.Dispatch;
using Bot.Skills.Mediation;

namespace Bot.Connectors.Grid;

/// <summary>
/// Staff messages in the WeCom app: text goes to the worker-command handler, whose answer is the passive reply;
/// a member opening the app gets the command list. Other messages get no reply.
/// </summary>
public sealed class WeComWorkerCommandAdapter(WorkerCommandHandler handler, MediatorCommands mediators) : IWeComMessageHandler
{
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

        var entered = inbound.MsgType == "event" && string.Equals(inbound.Event, "enter_agent", StringComparison.OrdinalIgnoreCase);
        return entered ? WorkerCommandParser.Help : null;
    }
}
