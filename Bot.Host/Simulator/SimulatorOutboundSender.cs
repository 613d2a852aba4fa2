using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Skills.Engine;

namespace Bot.Host.Simulator;

/// <summary>The simulator's "delivery": the reply is marked sent and the chat page fetches it by polling.</summary>
public sealed class SimulatorOutboundSender : IOutboundSender
{
    public string Channel => Channels.Simulator;

    public Task<SendOutcome> SendAsync(OutboxItem item, CancellationToken cancellationToken) => Task.FromResult(SendOutcome.Sent);
}
