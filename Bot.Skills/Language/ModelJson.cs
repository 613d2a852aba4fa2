using System.Text.Json;

namespace Bot.Skills.Language;

/// <summary>
/// Reads a structured model answer. The model is a guess, not an authority: a reply that does not parse, or
/// whose fields fail the caller's checks, is treated exactly like no reply.
/// </summary>
public static class ModelJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static T? Read<T>(ModelReply reply)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.Answered)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(reply.Text!, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
