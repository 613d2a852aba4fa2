using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using StackExchange.Redis;

namespace Bot.Connectors.State;

/// <summary>
/// Conversation state shared by every host on one Redis; Redis expires it by itself. There is no fallback:
/// while Redis is down every call throws <see cref="ConversationStateUnavailableException"/>.
/// </summary>
public sealed class RedisConversationStateStore(RedisConnection redis) : IConversationStateStore
{
    public static string KeyFor(ResidentKey resident) => $"bot:conv:{resident.Channel}:{resident.UserId}";

    public async Task<ConversationState?> GetAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        var json = await RunAsync(db => db.StringGetAsync(KeyFor(resident)), cancellationToken).ConfigureAwait(false);
        return json.IsNullOrEmpty ? null : StateJsonContext.Deserialize((string)json!);
    }

    public Task SaveAsync(ResidentKey resident, ConversationState state, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        var json = StateJsonContext.Serialize(state);
        return RunAsync(db => db.StringSetAsync(KeyFor(resident), json, timeToLive, When.Always), cancellationToken);
    }

    public Task RemoveAsync(ResidentKey resident, CancellationToken cancellationToken) =>
        RunAsync(db => db.KeyDeleteAsync(KeyFor(resident)), cancellationToken);

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.RunAsync(operation, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisUnavailableException ex)
        {
            throw new ConversationStateUnavailableException("Redis holds the conversation state and is unavailable.", ex);
        }
    }
}
