using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Connectors.WeChat.Api;

internal sealed record StableTokenRequest(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("force_refresh")] bool ForceRefresh);

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg);

internal sealed record ApiResponse(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg);

internal sealed record CustomMessageRequest(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("text")] CustomText? Text,
    [property: JsonPropertyName("news")] CustomNews? News);

internal sealed record CustomText([property: JsonPropertyName("content")] string Content);

internal sealed record CustomNews([property: JsonPropertyName("articles")] IReadOnlyList<CustomArticle> Articles);

internal sealed record CustomArticle(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("picurl")] string PicUrl);

internal sealed record TemplateMessageRequest(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, TemplateValue> Data);

internal sealed record TemplateValue([property: JsonPropertyName("value")] string Value);

[JsonSerializable(typeof(TemplateMessageRequest))]
[JsonSerializable(typeof(StableTokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ApiResponse))]
[JsonSerializable(typeof(CustomMessageRequest))]
[JsonSerializable(typeof(CachedAccessToken))]
internal sealed partial class WeChatJsonContext : JsonSerializerContext
{
    /// <summary>
    /// WeChat limits message length in bytes, so Chinese text is written as UTF-8 rather than six-byte
    /// \u escapes; null members (the unused text/news part) are left out.
    /// </summary>
    public static WeChatJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
