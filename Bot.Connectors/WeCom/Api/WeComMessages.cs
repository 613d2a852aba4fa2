namespace Bot.Connectors.WeCom.Api;

/// <summary>An app message (应用消息) to one or more members, sent as the configured AgentId.</summary>
/// <param name="ToUsers">WeCom userids; joined with '|' on the wire.</param>
public sealed record WeComAppMessage(
    IReadOnlyList<string> ToUsers,
    string MsgType,
    string? Content = null,
    WeComTextCard? TextCard = null)
{
    public static WeComAppMessage Text(IReadOnlyList<string> toUsers, string content) => new(toUsers, "text", content);

    /// <summary>WeCom's markdown subset (headings, bold, links, &lt;font color&gt;); shown only in the WeCom app.</summary>
    public static WeComAppMessage Markdown(IReadOnlyList<string> toUsers, string content) => new(toUsers, "markdown", content);

    public static WeComAppMessage Card(IReadOnlyList<string> toUsers, WeComTextCard card) => new(toUsers, "textcard", TextCard: card);
}

/// <summary>A text card: title, description (may contain &lt;div class="highlight"&gt;), link and button text.</summary>
public sealed record WeComTextCard(string Title, string Description, string Url, string? ButtonText = null);

/// <summary>A group-robot message (群机器人).</summary>
/// <param name="MentionedUserIds">For text: userids to @, or "@all".</param>
public sealed record RobotMessage(string MsgType, string Content, IReadOnlyList<string>? MentionedUserIds = null)
{
    public static RobotMessage Text(string content, IReadOnlyList<string>? mentionedUserIds = null) => new("text", content, mentionedUserIds);

    public static RobotMessage Markdown(string content) => new("markdown", content);
}
