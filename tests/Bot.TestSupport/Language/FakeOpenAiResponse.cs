using System.Text.Json.Nodes;

namespace Bot.TestSupport.Language;

/// <summary>One scripted answer of <see cref="FakeOpenAiServer"/>.</summary>
public sealed record FakeOpenAiResponse
{
    private FakeOpenAiResponse()
    {
    }

    /// <summary>HTTP status; 200 for a completion.</summary>
    public int StatusCode { get; private init; } = 200;

    /// <summary>The assistant's content for a completion; null for the other kinds.</summary>
    public string? ContentText { get; private init; }

    /// <summary>A raw body sent as is (errors, malformed bodies).</summary>
    public string? RawBody { get; private init; }

    /// <summary>Real time waited before answering (cut short when the client gives up).</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>Never answers: the request hangs until the client cancels it or the server is disposed.</summary>
    public bool Hangs { get; private init; }

    /// <summary>A proper <c>chat.completion</c> with <paramref name="content"/> as choices[0].message.content, plus usage.</summary>
    public static FakeOpenAiResponse Content(string content) => new() { ContentText = content };

    /// <summary>An OpenAI-style error body with this status, e.g. 500 or 429.</summary>
    public static FakeOpenAiResponse Status(int statusCode, string message = "fake error") => new()
    {
        StatusCode = statusCode,
        RawBody = new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = statusCode == 429 ? "rate_limit_exceeded" : "server_error", ["code"] = null },
        }.ToJsonString(),
    };

    /// <summary>A 200 whose body is not a chat completion.</summary>
    public static FakeOpenAiResponse Malformed(string body = "this is not json") => new() { RawBody = body };

    /// <summary>Hangs until the request is aborted or the server is disposed.</summary>
    public static FakeOpenAiResponse Hang() => new() { Hangs = true };

    /// <summary>Waits <paramref name="delay"/> (real time), then answers <paramref name="content"/>.</summary>
    public static FakeOpenAiResponse Delayed(TimeSpan delay, string content) => new() { ContentText = content, Delay = delay };
}

/// <summary>One request <see cref="FakeOpenAiServer"/> received.</summary>
/// <param name="Headers">Request headers (first value of each, names case-insensitive).</param>
public sealed record FakeOpenAiRequest(string Path, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The body as JSON; an empty object when it is not JSON.</summary>
    public JsonObject Json => TryParse() ?? [];

    public string? Authorization => Headers.GetValueOrDefault("Authorization");

    public string? Model => Json["model"]?.GetValue<string>();

    /// <summary>The messages array as (role, content) pairs, in order.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages =>
        (Json["messages"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(m => (m["role"]?.GetValue<string>() ?? string.Empty, ContentOf(m["content"])))
            .ToList();

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.GetValue<string>())),
        _ => string.Empty,
    };

    private JsonObject? TryParse()
    {
        try
        {
            return JsonNode.Parse(Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
