using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Connectors.WeChat.Api;
using Bot.Connectors.WeCom.Api;

namespace Bot.Connectors.WeCom;

[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ApiResponse))]
[JsonSerializable(typeof(AppMessageRequest))]
[JsonSerializable(typeof(RobotMessageRequest))]
internal sealed partial class WeComJsonContext : JsonSerializerContext
{
    /// <summary>
    /// WeCom limits message length in bytes, so Chinese is written as UTF-8 rather than six-byte \u escapes;
    /// null members (the unused text/markdown/textcard part) are left out.
    /// </summary>
    public static WeComJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
