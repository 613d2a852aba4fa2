namespace Bot.Connectors.WeCom.Api;

/// <summary>Builds the JSON bodies of message/send and webhook/send.</summary>
internal static class WeComMessageBodies
{
    public static AppMessageRequest App(WeComAppMessage message, int agentId)
    {
        if (message.ToUsers.Count == 0)
        {
            throw new ArgumentException("An app message needs at least one recipient.", nameof(message));
        }

        var toUser = string.Join('|', message.ToUsers);
        return message.MsgType switch
        {
            "text" => new AppMessageRequest(toUser, "text", agentId, new ContentPart(Required(message.Content)), null, null),
            "markdown" => new AppMessageRequest(toUser, "markdown", agentId, null, new ContentPart(Required(message.Content)), null),
            "textcard" when message.TextCard is { } card => new AppMessageRequest(toUser, "textcard", agentId, null, null,
                new TextCardPart(card.Title, card.Description, card.Url, card.ButtonText)),
            _ => throw new ArgumentException($"Unsupported app message type '{message.MsgType}'.", nameof(message)),
        };
    }

    public static RobotMessageRequest Robot(RobotMessage message) => message.MsgType switch
    {
        "text" => new RobotMessageRequest("text", new ContentPart(message.Content, message.MentionedUserIds), null),
        "markdown" => new RobotMessageRequest("markdown", null, new ContentPart(message.Content)),
        _ => throw new ArgumentException($"Unsupported robot message type '{message.MsgType}'.", nameof(message)),
    };

    private static string Required(string? content) =>
        content ?? throw new ArgumentException("The message has no content.", nameof(content));
}
