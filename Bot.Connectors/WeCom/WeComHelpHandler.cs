namespace Bot.Connectors.WeCom;

/// <summary>
/// The default when the connectors run without the skills (AddBotConnectors replaces it with the worker-command
/// adapter): answers text messages, and a member opening the app, with the list of commands.
/// </summary>
public sealed class WeComHelpHandler : IWeComMessageHandler
{
    public const string HelpText = "可用指令：接单 <工单号>、回复 <工单号> <内容>、办结 <工单号> <说明>、退回 <工单号> <原因>、升级 <工单号>";

    public Task<string?> HandleAsync(WeComInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var answer = inbound.MsgType == "text"
            || (inbound.MsgType == "event" && string.Equals(inbound.Event, "enter_agent", StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(answer ? HelpText : null);
    }
}
