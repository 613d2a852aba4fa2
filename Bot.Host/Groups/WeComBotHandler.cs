using System.Text.RegularExpressions;
using Bot.Connectors.WeCom.AiBot;
using Bot.Host.Intake;
using Bot.Skills.Engine;
using Bot.Skills.Groups;
using Microsoft.Extensions.Options;

namespace Bot.Host.Groups;

/// <summary>
/// Answers the AI bot. In a group: only when @-mentioned, and only through the <see cref="GroupAssistant"/> (short,
/// public, guarded; nothing stored). In a private chat: the full conversation engine, like the Official Account,
/// so complaints are filed there.
/// </summary>
public sealed partial class WeComBotHandler(
    GroupAssistant assistant,
    GroupContextResolver contexts,
    MessageIntake intake,
    IOptions<WeComBotOptions> options,
    TimeProvider clock,
    ILogger<WeComBotHandler> logger) : IWeComBotHandler
{
    public async Task<string?> HandleAsync(WeComBotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.IsGroup ? await InGroupAsync(message, cancellationToken).ConfigureAwait(false)
            : await PrivatelyAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> InGroupAsync(WeComBotMessage message, CancellationToken cancellationToken)
    {
        if (!message.Text.Contains('@' + options.Value.Name, StringComparison.Ordinal) || message.ChatId is null)
        {
            LogNotMentioned(message.MsgId);
            return null;
        }

        var text = Mention().Replace(message.Text, " ").Trim();
        var group = await contexts.ResolveAsync(message.ChatId, cancellationToken).ConfigureAwait(false);
        return await assistant.AnswerAsync(new GroupQuestion(group, message.FromUserId, text, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> PrivatelyAsync(WeComBotMessage message, CancellationToken cancellationToken)
    {
        var kind = message.MsgType switch
        {
            "text" or "mixed" or "voice" when message.Text.Length > 0 => InboundKind.Text,
            "image" => InboundKind.Image,
            _ => InboundKind.Unknown,
        };
        var inbound = new InboundMessage(Channels.WeComBot, message.FromUserId, message.MsgId, kind, clock.GetUtcNow(),
            kind == InboundKind.Text ? message.Text.Trim() : null);

        // Leaves the runner time to encrypt and answer within its own budget.
        var budget = TimeSpan.FromMilliseconds(options.Value.ReplyBudgetMs * 0.8);
        var result = await intake.SubmitAsync(inbound, PassivePolicy.All, budget, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == IntakeOutcome.Unavailable)
        {
            // The bot channel has no retries to lean on: say so, so the person sends it again.
            return "系统暂时繁忙，这条消息没有收到，请稍后再发一次。";
        }

        var texts = result.Replies.Select(r => r.Kind == ReplyKind.News ? string.Join("\n", r.Articles.Select(a => a.Title)) : r.Text);
        return string.Join("\n\n", texts);
    }

    /// <summary>@-mentions (of the bot or anyone else) end at a space or WeCom's U+2005.</summary>
    [GeneratedRegex(@"@[^\s\u2005]+[\s\u2005]?")]
    private static partial Regex Mention();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Group message {MsgId} does not mention the bot; not answered")]
    private partial void LogNotMentioned(string msgId);
}
