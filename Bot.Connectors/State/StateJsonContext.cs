using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Skills.Engine;

namespace Bot.Connectors.State;

[JsonSerializable(typeof(ConversationState))]
internal sealed partial class StateJsonContext : JsonSerializerContext
{
    /// <summary>Chinese text stays readable (and a third of the size) in Redis instead of \u escapes.</summary>
    public static StateJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(ConversationState state) => JsonSerializer.Serialize(state, Relaxed.ConversationState);

    public static ConversationState? Deserialize(string json) => JsonSerializer.Deserialize(json, Relaxed.ConversationState);
}
