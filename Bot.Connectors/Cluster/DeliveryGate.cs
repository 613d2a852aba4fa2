using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using Bot.Skills.Privacy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Connectors.Cluster;

/// <summary>
/// The cheap first dedupe gate: a Redis mark per delivery, so WeChat's retries are answered without touching
/// the database. It only ever says "seen" for a delivery some host has marked; when Redis is down the gate
/// is skipped and the inbox's unique key — the final guard — decides alone.
/// </summary>
public sealed partial class DeliveryGate(RedisConnection redis, IOptions<IntakeOptions> options, ILogger<DeliveryGate> logger)
{
    public static string KeyFor(string channel, string messageKey) => $"bot:seen:{channel}:{messageKey}";

    public async Task<DeliveryMark> TryMarkAsync(string channel, string messageKey, CancellationToken cancellationToken)
    {
        if (!redis.IsConfigured)
        {
            return DeliveryMark.Skipped;
        }

        try
        {
            var key = KeyFor(channel, messageKey);
            var ttl = options.Value.DedupeTimeToLive;
            var marked = await redis.RunAsync(db => db.StringSetAsync(key, "1", ttl, When.NotExists), cancellationToken).ConfigureAwait(false);
            return marked ? DeliveryMark.Marked : DeliveryMark.Seen;
        }
        catch (RedisUnavailableException)
        {
            return DeliveryMark.Skipped;
        }
    }

    /// <summary>Removes a mark whose delivery could not be stored, so that WeChat's retry is let through.</summary>
    public async Task ForgetAsync(string channel, string messageKey, CancellationToken cancellationToken)
    {
        try
        {
            var key = KeyFor(channel, messageKey);
            await redis.RunAsync(db => db.KeyDeleteAsync(key), cancellationToken).ConfigureAwait(false);
        }
        catch (RedisUnavailableException ex)
        {
            // The mark outlives its TTL at most; retries until then are dropped, the log says which delivery.
            LogForgetFailed(ex, channel, PersonalDataMasker.MaskId(messageKey));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not remove the dedupe mark of a delivery on {Channel} ({MessageKey}) that was not stored; retries are dropped until it expires")]
    private partial void LogForgetFailed(Exception exception, string channel, string messageKey);
}

public enum DeliveryMark
{
    /// <summary>This call marked the delivery: it is new to every host.</summary>
    Marked,

    /// <summary>Another delivery of the same message marked it first: a retry.</summary>
    Seen,

    /// <summary>No Redis (not configured or down): the database decides.</summary>
    Skipped,
}
