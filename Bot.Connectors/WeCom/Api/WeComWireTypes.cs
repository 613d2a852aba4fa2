using System.Text.Json.Serialization;

namespace Bot.Connectors.WeCom.Api;

internal sealed record AppMessageRequest(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("agentid")] int AgentId,
    [property: JsonPropertyName("text")] ContentPart? Text,
    [property: JsonPropertyName("markdown")] ContentPart? Markdown,
    [property: JsonPropertyName("textcard")] TextCardPart? TextCard);

internal sealed record ContentPart(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("mentioned_list")] IReadOnlyList<string>? MentionedList = null);

internal sealed record TextCardPart(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("btntxt")] string? ButtonText);

internal sealed record RobotMessageRequest(
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("text")] ContentPart? Text,
    [property: JsonPropertyName("markdown")] ContentPart? Markdown);
