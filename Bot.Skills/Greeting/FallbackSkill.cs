using Bot.Skills.Engine;

namespace Bot.Skills.Greeting;

/// <summary>Answers what no skill understood, politely and with a way forward.</summary>
public sealed class FallbackSkill : ISkill
{
    public string Intent => Intents.Fallback;

    public string? MenuTitle => null;

    public int MenuOrder => int.MaxValue;

    public Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var text = message.Kind switch
        {
            InboundKind.Image => "收到您的图片，谢谢！请再用文字简单说说您想反映或咨询的事情。",
            InboundKind.Voice when string.IsNullOrWhiteSpace(message.Text) => "抱歉，这条语音我没能听清，麻烦您用文字再说一遍。",
            InboundKind.Video => "收到您的视频，谢谢！请再用文字简单说说是什么事情。",
            InboundKind.Location => "已记下您发来的位置。请问有什么需要帮忙的？",
            InboundKind.Link => "收到您分享的链接。请问您想咨询或反映什么？",
            _ => Misunderstood(context.State),
        };
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.FromText(text)]);
    }

    private static string Misunderstood(ConversationState state)
    {
        state.MisunderstoodInARow++;
        return state.MisunderstoodInARow >= 2
            ? "抱歉，我还是没能理解。您可以换个说法，或回复“转人工”联系网格员，回复“菜单”看看我能做什么；紧急情况请直接拨打110/119/120。"
            : "抱歉，我没太明白您的意思。能换个说法再说一遍吗？回复“菜单”可以查看我能帮您做什么。";
    }
}
