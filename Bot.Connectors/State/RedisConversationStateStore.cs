using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using StackExchange.Redis;

namespace Bot.Connectors.State;

/// <summary>Conversation state shared by every host on one Redis; Redis expires it by itself.</summary>
public sealed class RedisConversationStateStore(RedisConnection redis) : IConversationStateStore
{
    public static string KeyFor(ResidentKey resident) => $"bot:conv:{resident.Channel}:{resident.UserId}";

    public async Task<ConversationState?> GetAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        var db = await redis.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var json = await db.StringGetAsync(KeyFor(resident)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return json.IsNullOrEmpty ? null : StateJsonContext.Deserialize((string)json!);
    }

    public async Task SaveAsync(ResidentKey resident, ConversationState state, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        var db = await redis.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var json = StateJsonContext.Serialize(state);
        await db.StringSetAsync(KeyFor(resident), json, timeToLive, When.Always).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        var db = await redis.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        await db.KeyDeleteAsync(KeyFor(resident)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
