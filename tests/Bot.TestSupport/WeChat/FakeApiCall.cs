using System.Text.Json.Nodes;

namespace Bot.TestSupport.WeChat;

/// <summary>One request the fake WeChat API received.</summary>
/// <param name="Query">The query string parameters (first value of each).</param>
/// <param name="Body">The raw request body; empty for GET.</param>
public sealed record FakeApiCall(string Method, string Path, IReadOnlyDictionary<string, string> Query, string Body)
{
    public string? AccessToken => Query.GetValueOrDefault("access_token");

    /// <summary>The body parsed as JSON, or null when it is empty or not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            try
            {
                return Body.Length == 0 ? null : JsonNode.Parse(Body);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }
}

/// <summary>A customer-service message the fake accepted.</summary>
/// <param name="Text">The text content, or for news the first article's title.</param>
public sealed record FakeCustomSend(string OpenId, string MsgType, string Text, JsonObject Body);
